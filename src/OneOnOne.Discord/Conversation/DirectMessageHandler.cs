using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Rendering;

namespace OneOnOne.Discord.Conversation;

/// <summary>
/// What people type to the bot in a DM (Gateway MESSAGE_CREATE): usually the answer to the question
/// being asked, otherwise read as a command. Messages from bots, from the bot itself, from servers
/// and without text are ignored; a message id is handled once however often it arrives.
/// </summary>
internal sealed partial class DirectMessageHandler(
    RecentEvents recent,
    BotIdentity bot,
    DiscordWorkQueue queue,
    DiscordConversation conversation,
    DiscordRenderer renderer,
    ChannelPoster poster,
    IMessenger messenger,
    ILogger<DirectMessageHandler> logger)
{
    // Default messages and replies; joins, pins and the like are not something said to the bot.
    private static readonly int?[] ConversationalTypes = [null, 0, 19];

    public void Handle(DiscordMessage message)
    {
        if (message.GuildId is not null || message.Author is not { Id.Length: > 0 } author || author.Bot == true
            || author.Id == bot.UserId || message.WebhookId is not null || string.IsNullOrWhiteSpace(message.Content)
            || !ConversationalTypes.Contains(message.Type) || message.ChannelId.Length == 0)
        {
            return;
        }

        if (!recent.TryClaim(message.Id, out _))
        {
            LogDuplicate();
            return;
        }

        var sender = new DiscordSender(author.Id, author.DisplayName, null);
        if (!queue.TryEnqueue(author.Id, ct => AnswerAsync(sender, message, ct)))
        {
            queue.RunBeside(ct => poster.PostAsync(message.ChannelId, [RenderedMessage.Text(Phrases.Busy)], ct));
        }
    }

    private async Task AnswerAsync(DiscordSender sender, DiscordMessage message, CancellationToken ct)
    {
        var outbounds = await conversation.HandleAsync(sender, new ReplyInput(message.Content!), message.Id, ct);
        foreach (var elsewhere in outbounds.Where(o => o.To is not ToSender))
        {
            try
            {
                await messenger.SendAsync(elsewhere, ct);
            }
            catch (MessageNotDeliveredException exception)
            {
                LogNotDelivered(exception.Message);
            }
        }

        var reply = renderer.Render(outbounds.Where(o => o.To is ToSender).SelectMany(o => o.Blocks));
        if (reply.Count > 0)
        {
            await poster.PostAsync(message.ChannelId, reply, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a DM delivered twice")]
    private partial void LogDuplicate();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message could not be delivered: {Reason}")]
    private partial void LogNotDelivered(string reason);
}
