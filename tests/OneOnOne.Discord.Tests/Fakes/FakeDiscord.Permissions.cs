using System.Globalization;
using System.Text.Json.Nodes;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>
/// The server's channels, roles and the bot's membership, as the permission reads see them: GET /channels/{id}
/// (with its overwrites; 403 Missing Access for a channel hidden from the bot, 404 Unknown Channel for none),
/// GET /guilds/{id}/roles and GET /guilds/{id}/members/{bot}.
/// </summary>
public sealed partial class FakeDiscord
{
    /// <summary>The role Discord made for the bot when it joined with the invite's permissions.</summary>
    public const string BotRoleId = "800000000000000002";

    public const string ModeratorRoleId = "800000000000000003";

    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;
    public const ulong Administrator = 1UL << 3;

    private readonly Dictionary<string, (string Name, int Type, List<JsonObject> Overwrites)> _guildChannels = new(StringComparer.Ordinal)
    {
        [TeamChannelId] = ("team", 0, []),
    };

    private readonly HashSet<string> _hiddenFromBot = new(StringComparer.Ordinal);

    /// <summary>Discord's default @everyone permissions.</summary>
    public ulong EveryonePermissions { get; set; } = 104324673;

    /// <summary>What the invite link asks for: View Channels, Send Messages, Embed Links, Attach Files.</summary>
    public ulong BotRolePermissions { get; set; } = 52224;

    public List<string> BotRoles { get; } = [BotRoleId];

    public void AddGuildChannel(string id, string name, int type = 0)
    {
        lock (_lock)
        {
            _guildChannels[id] = (name, type, []);
        }
    }

    /// <summary>An overwrite on a channel for a role (the guild id is @everyone) or, with <paramref name="member"/>, one member.</summary>
    public void Overwrite(string channelId, string roleOrMemberId, ulong allow, ulong deny, bool member = false)
    {
        lock (_lock)
        {
            _guildChannels[channelId].Overwrites.Add(new JsonObject
            {
                ["id"] = roleOrMemberId,
                ["type"] = member ? 1 : 0,
                ["allow"] = allow.ToString(CultureInfo.InvariantCulture),
                ["deny"] = deny.ToString(CultureInfo.InvariantCulture),
            });
        }
    }

    /// <summary>The channel exists, but the bot can't see it: Discord answers 403 Missing Access to anything about it.</summary>
    public void HideFromBot(string channelId)
    {
        lock (_lock)
        {
            _hiddenFromBot.Add(channelId);
        }
    }

    private (int Status, JsonNode? Answer, Dictionary<string, string> Headers)? AnswerPermissionRoute(string route, string path, Dictionary<string, string> headers)
    {
        var parts = path.Trim('/').Split('/');
        switch (route)
        {
            case "GET channels/{id}":
                if (_hiddenFromBot.Contains(parts[1]))
                {
                    return (403, new JsonObject { ["message"] = "Missing Access", ["code"] = 50001 }, headers);
                }

                return _guildChannels.TryGetValue(parts[1], out var channel)
                    ? (200, ChannelJson(parts[1], channel.Name, channel.Type, channel.Overwrites), headers)
                    : (404, new JsonObject { ["message"] = "Unknown Channel", ["code"] = 10003 }, headers);

            case "GET guilds/{id}/roles" when parts[1] == GuildId:
                return (200, new JsonArray(
                    RoleJson(GuildId, "@everyone", EveryonePermissions, position: 0, botId: null),
                    RoleJson(BotRoleId, "oneonone", BotRolePermissions, position: 1, botId: BotUserId),
                    RoleJson(ModeratorRoleId, "moderators", 0, position: 2, botId: null)), headers);

            case "GET guilds/{id}/members/{id}" when parts[1] == GuildId && parts[3] == BotUserId:
                return (200, new JsonObject
                {
                    ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "oneonone", ["discriminator"] = "1234", ["global_name"] = null, ["avatar"] = null, ["bot"] = true },
                    ["nick"] = null,
                    ["avatar"] = null,
                    ["banner"] = null,
                    ["roles"] = new JsonArray([.. BotRoles.Select(r => (JsonNode)JsonValue.Create(r))]),
                    ["joined_at"] = "2026-11-01T10:00:00.000000+00:00",
                    ["premium_since"] = null,
                    ["deaf"] = false,
                    ["mute"] = false,
                    ["flags"] = 0,
                    ["pending"] = false,
                    ["communication_disabled_until"] = null,
                }, headers);

            case "GET guilds/{id}/members/{id}":
                return (404, new JsonObject { ["message"] = "Unknown Member", ["code"] = 10007 }, headers);

            default:
                return null;
        }
    }

    private static JsonObject ChannelJson(string id, string name, int type, List<JsonObject> overwrites) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["guild_id"] = GuildId,
        ["position"] = 1,
        ["permission_overwrites"] = new JsonArray([.. overwrites.Select(o => o.DeepClone())]),
        ["name"] = name,
        ["topic"] = null,
        ["nsfw"] = false,
        ["last_message_id"] = null,
        ["rate_limit_per_user"] = 0,
        ["parent_id"] = null,
        ["last_pin_timestamp"] = null,
        ["flags"] = 0,
    };

    private static JsonObject RoleJson(string id, string name, ulong permissions, int position, string? botId)
    {
        var role = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["color"] = 0,
            ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
            ["hoist"] = false,
            ["icon"] = null,
            ["unicode_emoji"] = null,
            ["position"] = position,
            ["permissions"] = permissions.ToString(CultureInfo.InvariantCulture),
            ["managed"] = botId is not null,
            ["mentionable"] = false,
            ["flags"] = 0,
        };
        if (botId is not null)
        {
            role["tags"] = new JsonObject { ["bot_id"] = botId };
        }

        return role;
    }
}
