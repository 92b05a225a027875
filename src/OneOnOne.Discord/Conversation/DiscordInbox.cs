using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Core.Inbox;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Conversation;

/// <summary>
/// Discord's side of the durable inbox: what an interaction or a DM is stored as (the engine's input,
/// and where to answer: the interaction's token, or the DM channel), and how a stored one is answered.
/// An interaction accepted by this process may still find its first response waiting for the answer;
/// after a restart it edits the "thinking…" it left, or, once the token has run out, goes to the DMs.
/// </summary>
internal sealed partial class DiscordInbox(
    DiscordConversation conversation,
    InteractionReplier replier,
    FormOpener forms,
    DiscordRenderer renderer,
    ChannelPoster poster,
    IMessenger messenger,
    ILogger<DiscordInbox> logger) : IInboxHandler
{
    private const string InteractionKind = "interaction";
    private const string DirectMessageKind = "direct_message";

    public string Platform => DiscordConversation.Platform;

    public static NewInboxItem ItemFor(InteractionOrigin origin, Input input, FormPageRef? form) =>
        Item(origin.Sender, origin.Id, InteractionKind, JsonSerializer.Serialize(new StoredInteraction(origin, input, form), DiscordInboxJson.Default.StoredInteraction));

    public static NewInboxItem ItemFor(DiscordSender sender, DiscordMessage message) =>
        Item(sender, message.Id, DirectMessageKind,
            JsonSerializer.Serialize(new StoredMessage(sender, message.ChannelId, message.Content!, message.Id), DiscordInboxJson.Default.StoredMessage));

    public Task HandleAsync(InboxWork work, CancellationToken ct) => work.Kind switch
    {
        InteractionKind => AnswerInteractionAsync(Read(work, DiscordInboxJson.Default.StoredInteraction), work.Live as LiveInteraction, ct),
        DirectMessageKind => AnswerMessageAsync(Read(work, DiscordInboxJson.Default.StoredMessage), ct),
        _ => throw new InvalidOperationException($"Unknown Discord inbox item kind {work.Kind}."),
    };

    /// <summary>One person's inputs share a lane; ids are snowflakes, unique across interactions and messages alike.</summary>
    private static NewInboxItem Item(DiscordSender sender, string id, string kind, string payload) =>
        new(DiscordConversation.Platform, $"{DiscordConversation.Platform}:{sender.UserId}", $"{DiscordConversation.Platform}:{id}", kind, payload);

    private static T Read<T>(InboxWork work, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(work.Payload, type) ?? throw new JsonException($"An empty {work.Kind} payload.");

    /// <summary>
    /// The engine's answer is the first response if it is still waiting and the answer fits; otherwise it
    /// replaces "thinking…". A finished form is always deferred: its reply closes the form and may reopen
    /// the page with errors.
    /// </summary>
    private async Task AnswerInteractionAsync(StoredInteraction stored, LiveInteraction? live, CancellationToken ct)
    {
        var (origin, input, form) = stored;
        var slot = live?.Slot;

        // Accepted before a restart: the first response ("thinking…") left long ago, if it ever did.
        var acknowledged = live?.Acknowledged ?? Task.CompletedTask;
        try
        {
            var outbounds = await conversation.HandleAsync(origin.Sender, input, origin.Id, ct);
            if (form is { } submitted && !outbounds.Any(o => o.Blocks.Any(b => b is FormErrorsBlock)))
            {
                forms.Close(origin, submitted.RunId);
            }

            if (form is null && slot is not null && replier.AsFirstAnswer(origin, outbounds) is { } answer && slot.TryHandOver(answer))
            {
                await replier.ConfirmFirstAnswerAsync(origin, outbounds, acknowledged, ct);
                return;
            }

            // "Thinking…" must leave before the reply below can edit it.
            slot?.Decline();
            await replier.DeliverAsync(origin, outbounds, acknowledged, form, ct);
        }
        finally
        {
            slot?.Decline();
        }
    }

    private async Task AnswerMessageAsync(StoredMessage stored, CancellationToken ct)
    {
        var outbounds = await conversation.HandleAsync(stored.Sender, new ReplyInput(stored.Content), stored.MessageId, ct);
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
            await poster.PostAsync(stored.ChannelId, reply, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message could not be delivered: {Reason}")]
    private partial void LogNotDelivered(string reason);
}

/// <summary>An interaction for the engine, as kept: who, where to answer (the token is a secret), and the form page it finishes, if any.</summary>
internal sealed record StoredInteraction(InteractionOrigin Origin, Input Input, FormPageRef? Form);

/// <summary>A DM for the engine, as kept.</summary>
internal sealed record StoredMessage(DiscordSender Sender, string ChannelId, string Content, string MessageId);

/// <summary>
/// What an interaction accepted by this process leaves in memory beside it: the slot its first response is
/// waiting on, and when that response has left (replies that edit it wait for it).
/// </summary>
internal sealed record LiveInteraction(AnswerSlot<InteractionResponse> Slot, Task Acknowledged);

[JsonSerializable(typeof(StoredInteraction))]
[JsonSerializable(typeof(StoredMessage))]
internal sealed partial class DiscordInboxJson : JsonSerializerContext;
