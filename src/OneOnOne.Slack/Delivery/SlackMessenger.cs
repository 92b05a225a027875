using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Conversation;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Delivery;

/// <summary>
/// Sends follow-up DMs and digests, days after anyone spoke to the bot: to a person through their DM
/// with the bot (conversations.open, then chat.postMessage), to a channel directly; files such as
/// the digest's chart are uploaded into the same place.
/// </summary>
public sealed class SlackMessenger(
    SlackMessageRenderer renderer, SlackPoster poster, SlackUserDirectory users, SlackIdentity identity) : IPlatformMessenger
{
    public const string PlatformKey = "slack";

    public string Platform => PlatformKey;

    public async Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        var workspace = message.To switch
        {
            ToUser user => user.Address.Workspace,
            ToChannel channel => channel.Workspace,
            _ => throw new ArgumentException("The Slack messenger sends to a person or a channel.", nameof(message)),
        };
        if (identity.TeamId is { } team && !string.Equals(team, workspace, StringComparison.Ordinal))
        {
            throw new MessageNotDeliveredException($"This bot is installed in Slack workspace {team}, not {workspace}.", transient: false);
        }

        try
        {
            var channel = message.To is ToUser to
                ? await users.DirectMessageChannelAsync(to.Address.User, cancellationToken)
                : ((ToChannel)message.To).Channel;
            return await poster.PostAsync(channel, renderer.Render(message.Blocks), cancellationToken);
        }
        catch (SlackApiException exception)
        {
            throw new MessageNotDeliveredException(Explain(exception), exception.Transient, exception);
        }
    }

    // Said to the organizer in a DM, so the fix names the bot as they would type it.
    private string Explain(SlackApiException exception) => exception.Error switch
    {
        "channel_not_found" => $"Slack can't find that channel, or the bot can't see it; if it's private, type /invite {BotMention} in it.",
        "not_in_channel" => $"The bot isn't a member of that channel; type /invite {BotMention} in it.",
        "is_archived" => "That channel is archived.",
        "user_not_found" or "user_disabled" => "That person is no longer in the workspace.",
        "messages_tab_disabled" => "The app's Messages tab is turned off, so it can't send DMs.",

        // Whoever reads this may pass it to whoever runs the bot: the plain sentence, then Slack's own word for it.
        _ => $"Slack refused the message ({exception.Error}).",
    };

    private string BotMention => SlackInvite.BotHandle(identity);
}
