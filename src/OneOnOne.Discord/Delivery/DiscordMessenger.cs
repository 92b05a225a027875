using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Rendering;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Sends what the bot says outside a conversation: follow-ups as DMs (opening the DM first), the
/// weekly digest to its channel with the chart as an attachment. Failures become
/// <see cref="MessageNotDeliveredException"/>, transient when trying later may work.
/// </summary>
internal sealed partial class DiscordMessenger(
    DiscordRenderer renderer, ChannelPoster poster, ChannelResolver channels, ILogger<DiscordMessenger> logger) : IPlatformMessenger
{
    public string Platform => DiscordConversation.Platform;

    public async Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        var rendered = renderer.Render(message.Blocks);
        if (rendered.Count == 0)
        {
            return null;
        }

        try
        {
            var channelId = message.To switch
            {
                ToUser user => await poster.DirectMessageChannelAsync(user.Address.User, cancellationToken),
                ToChannel channel => await channels.ResolveAsync(channel.Workspace, channel.Channel, cancellationToken),
                _ => throw new MessageNotDeliveredException("Discord messages outside a conversation go to a person or a channel.", transient: false),
            };
            return await poster.PostAsync(channelId, rendered, message.DeliveryKey, cancellationToken);
        }
        catch (DiscordApiException exception)
        {
            LogNotDelivered(message.To.GetType().Name, exception.Message);
            throw new MessageNotDeliveredException(Explain(exception), exception.Transient, exception);
        }
    }

    private static string Explain(DiscordApiException exception) => exception.Code switch
    {
        DiscordApiException.CannotMessageUser => "Discord won't let the bot message this person (their privacy settings, or no server in common).",
        DiscordApiException.UnknownChannel => "That channel no longer exists.",
        DiscordApiException.MissingAccess => "The bot can't see that channel; in the channel's settings, under Permissions, give the bot View Channel, Send Messages and Attach Files.",
        DiscordApiException.MissingPermissions => "The bot isn't allowed to post in that channel; in the channel's settings, under Permissions, give the bot Send Messages and Attach Files.",
        DiscordApiException.UnknownUser => "Discord doesn't know this user any more.",

        // Whoever reads this may pass it to whoever runs the bot: the plain sentence, then Discord's own code for it.
        _ => exception.Code is { } code ? $"Discord refused the message (error {code})." : $"Discord refused the message ({exception.Message}).",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Discord message to a {Destination} was not delivered: {Reason}")]
    private partial void LogNotDelivered(string destination, string reason);
}
