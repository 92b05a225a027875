using System.Text.Json;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Api;

public sealed partial class SlackApiClient
{
    /// <summary>
    /// conversations.info: what the bot may know about a channel (needs <c>channels:read</c>, and <c>groups:read</c> for
    /// private ones). A private channel the bot is not in answers <c>channel_not_found</c>, as a missing one does.
    /// </summary>
    public async Task<SlackChannelInfo> GetChannelInfoAsync(string channelId, CancellationToken ct)
    {
        // Like users.info, no JSON body: the channel goes in the query string, the token stays in the header.
        var root = await CallAsync("conversations.info", HttpMethod.Get, $"?channel={Uri.EscapeDataString(channelId)}", content: null, channelId, ct);
        var channel = root.Get("channel");
        return new SlackChannelInfo(channel.Str("id") ?? channelId, channel.Str("name"), Bool(channel, "is_member"), channel.Flag("is_archived"));
    }

    private static bool? Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;
}

/// <summary>The parts of a conversation object the bot uses; <see cref="IsMember"/> is null when Slack didn't say.</summary>
public sealed record SlackChannelInfo(string Id, string? Name, bool? IsMember, bool IsArchived);
