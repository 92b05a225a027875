using System.Globalization;
using System.Text.Json.Nodes;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>
/// The fields Discord puts in what it sends today that the bot doesn't use (platform notes B3, B5, B9;
/// Discord's interaction, message component and modal submit references): a faithful fake must send
/// them, since a parser that trips over an unused field drops the whole interaction.
/// </summary>
public static class DiscordShapes
{
    /// <summary>The bot's permissions in a channel, as Discord writes a permission set: a decimal string.</summary>
    public const string AppPermissions = "2248473465835073";

    /// <summary>Discord's default per-file limit: 10 MiB.</summary>
    public const int AttachmentSizeLimit = 10 * 1024 * 1024;

    /// <summary>
    /// Gives every component without an <c>id</c> the one Discord would: a 32-bit integer, numbered
    /// from 1 through the tree in order. Returns the same array, for chaining.
    /// </summary>
    public static JsonArray Numbered(JsonArray components)
    {
        var next = 1;
        Number(components, ref next);
        return components;
    }

    /// <summary>The numeric id Discord gave the component with this custom id on a message, once numbered.</summary>
    public static int? ComponentId(JsonArray components, string customId) =>
        Flatten(components).FirstOrDefault(c => c["custom_id"]?.GetValue<string>() == customId)?["id"]?.GetValue<int>();

    /// <summary>A user object with everything Discord includes beside id, username and global name.</summary>
    public static JsonObject WithUnusedUserFields(this JsonObject user)
    {
        user["avatar"] ??= null;
        user["discriminator"] ??= "0";
        user["public_flags"] ??= 0;
        user["flags"] ??= 0;
        user["banner"] ??= null;
        user["accent_color"] ??= null;
        user["avatar_decoration_data"] ??= null;
        user["collectibles"] ??= null;
        user["display_name_styles"] ??= null;
        user["banner_color"] ??= null;
        user["clan"] ??= null;
        user["primary_guild"] ??= null;
        return user;
    }

    /// <summary>A guild member object, with or without its user (resolved members come without).</summary>
    public static JsonObject WithUnusedMemberFields(this JsonObject member)
    {
        member["avatar"] ??= null;
        member["banner"] ??= null;
        member["communication_disabled_until"] ??= null;
        member["deaf"] ??= false;
        member["mute"] ??= false;
        member["flags"] ??= 0;
        member["joined_at"] ??= "2025-03-01T18:00:00.000000+00:00";
        member["nick"] ??= null;
        member["pending"] ??= false;
        member["premium_since"] ??= null;
        member["roles"] ??= new JsonArray();
        member["unusual_dm_activity_until"] ??= null;
        if (member["user"] is JsonObject user)
        {
            user.WithUnusedUserFields();
        }

        return member;
    }

    /// <summary>A message object (MESSAGE_CREATE, or the message a component sits on) with its usual unused fields.</summary>
    public static JsonObject WithUnusedMessageFields(this JsonObject message)
    {
        message["tts"] ??= false;
        message["pinned"] ??= false;
        message["mention_everyone"] ??= false;
        message["mentions"] ??= new JsonArray();
        message["mention_roles"] ??= new JsonArray();
        message["attachments"] ??= new JsonArray();
        message["embeds"] ??= new JsonArray();
        message["components"] ??= new JsonArray();
        message["edited_timestamp"] ??= null;
        message["flags"] ??= 0;

        // A nonce is a string or an integer; clients often send integers.
        message["nonce"] ??= 1_234_567_890_123L;
        message["channel_type"] ??= 1;
        message["timestamp"] ??= DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        if (message["author"] is JsonObject author)
        {
            author.WithUnusedUserFields();
        }

        return message;
    }

    /// <summary>A message the bot posted, as Discord echoes it inside a component interaction.</summary>
    public static JsonObject AsInteractionMessage(PostedMessage posted) => new JsonObject
    {
        ["type"] = 0,
        ["id"] = posted.Id,
        ["channel_id"] = posted.ChannelId,
        ["content"] = posted.Content,
        ["author"] = new JsonObject { ["id"] = FakeDiscord.BotUserId, ["username"] = "oneonone", ["discriminator"] = "1234", ["bot"] = true, ["global_name"] = null },
        ["application_id"] = FakeDiscord.ApplicationId,
        ["embeds"] = posted.Body["embeds"]?.DeepClone() ?? new JsonArray(),
        ["components"] = Numbered(posted.Body["components"]?.DeepClone() as JsonArray ?? []),
        ["flags"] = posted.Flags ?? 0,
        ["webhook_id"] = posted.Via is "channel" ? null : FakeDiscord.ApplicationId,
        ["interaction_metadata"] = posted.InteractionId is null ? null : new JsonObject
        {
            ["id"] = posted.InteractionId,
            ["type"] = 2,
            ["user"] = new JsonObject { ["id"] = "100000000000000001", ["username"] = "someone" },
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = FakeDiscord.GuildId },
        },
    }.WithUnusedMessageFields();

    private static void Number(JsonArray? components, ref int next)
    {
        foreach (var component in (components ?? []).OfType<JsonObject>())
        {
            NumberOne(component, ref next);
            Number(component["components"] as JsonArray, ref next);
            if (component["component"] is JsonObject child)
            {
                // A Label's one child.
                NumberOne(child, ref next);
            }
        }
    }

    private static void NumberOne(JsonObject component, ref int next)
    {
        component["id"] ??= next;
        next = Math.Max(next, component["id"]!.GetValue<int>()) + 1;
    }

    private static IEnumerable<JsonObject> Flatten(JsonArray? components) =>
        (components ?? []).OfType<JsonObject>().SelectMany(c =>
            new[] { c }.Concat(Flatten(c["components"] as JsonArray)).Concat(c["component"] is JsonObject child ? [child] : []));
}
