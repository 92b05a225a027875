using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Whether the bot can post the digest in a Discord channel: the channel (with its overwrites), the server's roles
/// and the bot's own roles give its permissions there (<see cref="ChannelPermissions"/>). The digest needs View
/// Channel and Send Messages, Embed Links for its table and Attach Files for its chart; each fix names the ones
/// missing and the bot's role to give them to.
/// </summary>
internal sealed partial class DiscordChannelCheck(
    DiscordRestClient rest, ChannelResolver channels, BotIdentity identity, ILogger<DiscordChannelCheck> logger) : IPlatformChannelCheck
{
    // In the order a person reads them in Discord's permission list.
    private static readonly (DiscordPermission Bit, string Name)[] Needed =
    [
        (DiscordPermission.ViewChannel, "View Channel"),
        (DiscordPermission.SendMessages, "Send Messages"),
        (DiscordPermission.EmbedLinks, "Embed Links"),
        (DiscordPermission.AttachFiles, "Attach Files"),
    ];

    // Text and announcement channels: the ones a digest can be posted in.
    private static readonly int[] PostableTypes = [0, 5];

    public string Platform => DiscordConversation.Platform;

    public async Task<ChannelAccess> CheckAsync(ToChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            var channelId = await channels.ResolveAsync(channel.Workspace, channel.Channel, cancellationToken);
            var found = await rest.GetChannelAsync(channelId, cancellationToken);
            var name = found.Name is { Length: > 0 } known ? "#" + known : "that channel";
            if (!string.Equals(found.GuildId, channel.Workspace, StringComparison.Ordinal))
            {
                return new ChannelAccess.Closed($"{name} is in another server; choose a channel in this one.");
            }

            if (!PostableTypes.Contains(found.Type))
            {
                return new ChannelAccess.Closed($"{name} isn't a text channel; choose a text or announcement channel.");
            }

            var botId = identity.UserId ?? (await rest.GetCurrentUserAsync(cancellationToken)).Id;
            var roles = await rest.GetGuildRolesAsync(channel.Workspace, cancellationToken);
            var member = await rest.GetGuildMemberAsync(channel.Workspace, botId, cancellationToken);
            var permissions = ChannelPermissions.Compute(channel.Workspace, botId, member.Roles, roles, found);
            var missing = Needed.Where(n => (permissions & (ulong)n.Bit) == 0).Select(n => n.Name).ToList();
            return missing.Count == 0
                ? new ChannelAccess.Open()
                : new ChannelAccess.Closed(
                    $"I don't have {Join(missing, "or")} in {name}. In {name}'s settings, under Permissions, " +
                    $"give {RoleOf(roles, botId)} {Join(missing, "and")}.");
        }
        catch (DiscordApiException exception) when (exception.Code == DiscordApiException.MissingAccess)
        {
            // Discord won't even describe a channel the bot can't see.
            return new ChannelAccess.Closed(
                "I can't see that channel. In its settings, under Permissions, give my role View Channel, Send Messages, Embed Links and Attach Files.");
        }
        catch (DiscordApiException exception) when (exception.Code == DiscordApiException.UnknownChannel)
        {
            return new ChannelAccess.Closed("Discord says that channel doesn't exist any more; choose another one.");
        }
        catch (MessageNotDeliveredException exception) when (!exception.Transient)
        {
            // A name typed as #organizing that the server has no text channel for.
            return new ChannelAccess.Closed(exception.Message);
        }
        catch (Exception exception) when (exception is DiscordApiException or MessageNotDeliveredException)
        {
            LogNotChecked(exception.Message);
            return new ChannelAccess.Unknown();
        }
    }

    /// <summary>"the oneonone role": the role Discord made for the bot when it joined, by name; "my role" when there is none.</summary>
    private static string RoleOf(IEnumerable<GuildRole> roles, string botId) =>
        roles.FirstOrDefault(r => r.Tags?.BotId == botId) is { Name: { Length: > 0 } name } ? $"my role ({name})" : "my role";

    private static string Join(IReadOnlyList<string> names, string conjunction) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} {conjunction} {names[^1]}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check a digest channel with Discord ({Reason}); it is checked when the digest is posted")]
    private partial void LogNotChecked(string reason);
}
