using System.Text.Json.Nodes;

namespace OneOnOne.Slack.Tests.Fakes;

/// <summary>The workspace's channels, as conversations.info describes them to the bot.</summary>
public sealed partial class FakeSlack
{
    private readonly Dictionary<string, FakeChannel> _channels = new(StringComparer.Ordinal)
    {
        ["C0ORG"] = new("C0ORG", "organizing", IsMember: true),
        ["C0DIGEST"] = new("C0DIGEST", "digest", IsMember: true),
    };

    /// <summary>
    /// A channel in the workspace. A private one the bot is not in is invisible to it (channel_not_found), as on Slack.
    /// </summary>
    public void AddChannel(string id, string name, bool isMember, bool isArchived = false, bool isPrivate = false)
    {
        lock (_gate)
        {
            _channels[id] = new FakeChannel(id, name, isMember, isArchived, isPrivate);
        }
    }

    private JsonObject ConversationInfo(ApiCall call)
    {
        if (call.Verb != "GET" && call.ContentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            // Slack reads this method's arguments from the query or a form only.
            return new JsonObject { ["ok"] = false, ["error"] = "invalid_arguments" };
        }

        FakeChannel? channel;
        lock (_gate)
        {
            channel = _channels.GetValueOrDefault(call.Form.GetValueOrDefault("channel") ?? string.Empty);
        }

        if (channel is null || (channel.IsPrivate && !channel.IsMember))
        {
            return new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" };
        }

        // The conversation object as Slack sends it today, fields the bot doesn't read included.
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = new JsonObject
            {
                ["id"] = channel.Id,
                ["name"] = channel.Name,
                ["is_channel"] = !channel.IsPrivate,
                ["is_group"] = channel.IsPrivate,
                ["is_im"] = false,
                ["is_mpim"] = false,
                ["is_private"] = channel.IsPrivate,
                ["created"] = 1449252889,
                ["is_archived"] = channel.IsArchived,
                ["is_general"] = false,
                ["unlinked"] = 0,
                ["name_normalized"] = channel.Name,
                ["is_shared"] = false,
                ["is_frozen"] = false,
                ["is_org_shared"] = false,
                ["is_pending_ext_shared"] = false,
                ["pending_shared"] = new JsonArray(),
                ["context_team_id"] = TeamId,
                ["updated"] = 1689965803820,
                ["parent_conversation"] = null,
                ["creator"] = "UANA",
                ["is_ext_shared"] = false,
                ["shared_team_ids"] = new JsonArray(TeamId),
                ["pending_connected_team_ids"] = new JsonArray(),
                ["is_member"] = channel.IsMember,
                ["topic"] = new JsonObject { ["value"] = string.Empty, ["creator"] = string.Empty, ["last_set"] = 0 },
                ["purpose"] = new JsonObject { ["value"] = "Where the team organizes", ["creator"] = "UANA", ["last_set"] = 1449709364 },
                ["properties"] = new JsonObject(),
                ["previous_names"] = new JsonArray(),
            },
        };
    }

    private sealed record FakeChannel(string Id, string Name, bool IsMember, bool IsArchived = false, bool IsPrivate = false);
}
