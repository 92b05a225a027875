using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Conversation;

namespace OneOnOne.Slack.Delivery;

/// <summary>
/// Whether the bot can post the digest in a Slack channel, from conversations.info: it must be a member (the
/// manifest asks for <c>chat:write</c>, not <c>chat:write.public</c>) and the channel must not be archived.
/// Each fix is written for the organizer, in Slack's own steps.
/// </summary>
public sealed partial class SlackChannelCheck(SlackApiClient api, SlackIdentity identity, ILogger<SlackChannelCheck> logger) : IPlatformChannelCheck
{
    public string Platform => SlackMessenger.PlatformKey;

    public async Task<ChannelAccess> CheckAsync(ToChannel channel, CancellationToken cancellationToken)
    {
        if (identity.TeamId is { } team && !string.Equals(team, channel.Workspace, StringComparison.Ordinal))
        {
            return new ChannelAccess.Closed($"I'm installed in another Slack workspace, so I can't post there.");
        }

        SlackChannelInfo info;
        try
        {
            info = await api.GetChannelInfoAsync(channel.Channel, cancellationToken);
        }
        catch (SlackApiException exception) when (exception.Error == "channel_not_found")
        {
            return new ChannelAccess.Closed(
                $"Slack can't find that channel for me: if it's private, type `/invite {SlackInvite.BotHandle(identity)}` in it first; " +
                "if it was deleted, choose another one.");
        }
        catch (SlackApiException exception) when (exception.Error == "missing_scope")
        {
            LogMissingScope();
            return new ChannelAccess.Unknown();
        }
        catch (SlackApiException exception)
        {
            LogNotChecked(exception.Error);
            return new ChannelAccess.Unknown();
        }

        var name = info.Name is { Length: > 0 } known ? "#" + known : "that channel";
        return info switch
        {
            { IsArchived: true } => new ChannelAccess.Closed($"{name} is archived. Unarchive it in Slack, or choose another channel."),
            { IsMember: false } => new ChannelAccess.Closed(
                $"I'm not a member of {name} yet: type `/invite {SlackInvite.BotHandle(identity)}` in {name}."),
            { IsMember: true } => new ChannelAccess.Open(),
            _ => new ChannelAccess.Unknown(),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused conversations.info: the app lacks the channels:read and groups:read scopes, " +
                                                       "so digest channels are only checked when the digest is posted. Add them (deploy/slack/manifest.yml has them) and reinstall the app.")]
    private partial void LogMissingScope();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check a digest channel with Slack ({Error}); it is checked when the digest is posted")]
    private partial void LogNotChecked(string error);
}
