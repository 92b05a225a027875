using Microsoft.Extensions.Logging;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Conversation;

/// <summary>
/// What people type to the bot in a DM (Gateway MESSAGE_CREATE): kept in the durable inbox, then usually
/// taken as the answer to the question being asked, otherwise read as a command (see <see cref="DiscordInbox"/>).
/// Messages from bots, from the bot itself, from servers and without text are ignored; a message id is
/// handled once however often it arrives.
/// </summary>
internal sealed partial class DirectMessageHandler(
    RecentDeliveries<InteractionResponse> recent,
    BotIdentity bot,
    DurableInbox inbox,
    SideWork beside,
    ChannelPoster poster,
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

        // Off the Gateway's read loop, but in arrival order: one person's messages are stored, and so handled, as they came.
        beside.RunInOrder(ct => KeepAsync(sender, message, ct));
    }

    private async Task KeepAsync(DiscordSender sender, DiscordMessage message, CancellationToken ct)
    {
        InboxAcceptance accepted;
        try
        {
            accepted = await inbox.AcceptAsync(DiscordInbox.ItemFor(sender, message), ct: ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotStored(exception);
            accepted = InboxAcceptance.Busy;
        }

        if (accepted == InboxAcceptance.Busy)
        {
            await poster.PostAsync(message.ChannelId, [RenderedMessage.Text(Phrases.Busy)], ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a DM delivered twice")]
    private partial void LogDuplicate();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not keep a DM; told the person the bot is busy")]
    private partial void LogNotStored(Exception exception);
}
