using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Interactions;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Rest;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Delivers the engine's answer to an interaction that was deferred: the first message replaces the
/// "thinking…" reply, the rest follow it. Two detours: questions asked in a server move to the
/// person's DMs, where they can answer by typing; and when the interaction can no longer be answered
/// (the first response never got through, or the token ran out) the answer goes to the DM instead,
/// so nothing the engine said is lost.
/// </summary>
internal sealed partial class InteractionReplier(
    DiscordRestClient rest, DiscordRenderer renderer, ChannelPoster poster, IMessenger messenger, ILogger<InteractionReplier> logger)
{
    public async Task DeliverAsync(InteractionOrigin origin, IReadOnlyList<Outbound> outbounds, Task acknowledged, FormPageRef? form, CancellationToken ct)
    {
        foreach (var elsewhere in outbounds.Where(o => o.To is not ToSender))
        {
            await SendElsewhereAsync(elsewhere, ct);
        }

        var blocks = outbounds.Where(o => o.To is ToSender).SelectMany(o => o.Blocks).ToList();
        var messages = renderer.Render(blocks, form);
        if (messages.Count == 0)
        {
            // The engine says nothing only to a duplicate it already handled; the "thinking…" still needs replacing.
            messages = [RenderedMessage.Text("That one reached me twice; I've already taken care of it.")];
        }

        if (!await SucceededAsync(acknowledged))
        {
            LogAckFailed();
            await SendToDirectMessagesAsync(origin, messages, ct);
            return;
        }

        if (origin.Sender.GuildId is not null && blocks.Any(b => b is QuestionBlock))
        {
            if (await TryMoveToDirectMessagesAsync(origin, messages, ct))
            {
                return;
            }

            messages = [.. messages, RenderedMessage.Text(
                "I couldn't send you a DM, so we'll go on here with the buttons. To answer by typing, " +
                "allow direct messages from this server's members (Privacy Settings) and use `/one-on-one continue`.")];
        }

        await ReplyInPlaceAsync(origin, messages, ct);
    }

    private async Task<bool> TryMoveToDirectMessagesAsync(InteractionOrigin origin, IReadOnlyList<RenderedMessage> messages, CancellationToken ct)
    {
        try
        {
            var channel = await poster.DirectMessageChannelAsync(origin.Sender.UserId, ct);
            await poster.PostAsync(channel, messages, ct);
            await rest.EditOriginalResponseAsync(origin.ApplicationId, origin.Token, RenderedMessage.Text(
                $"I've sent you the questions in our DMs (https://discord.com/channels/@me/{channel}). " +
                "Answer there by typing or with the buttons; only you can see them.").Payload, null, ct);
            return true;
        }
        catch (DiscordApiException exception) when (exception.Code is DiscordApiException.CannotMessageUser)
        {
            return false;
        }
    }

    private async Task ReplyInPlaceAsync(InteractionOrigin origin, IReadOnlyList<RenderedMessage> messages, CancellationToken ct)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                if (i == 0)
                {
                    // Ephemerality was fixed when the reply was deferred; the edit can't change it.
                    await rest.EditOriginalResponseAsync(origin.ApplicationId, origin.Token, messages[0].WithFlags(null).Payload, messages[0].Files, ct);
                }
                else
                {
                    await rest.CreateFollowupAsync(origin.ApplicationId, origin.Token, messages[i].WithFlags(origin.Flags).Payload, messages[i].Files, ct);
                }
            }
            catch (DiscordApiException exception) when (exception.InteractionExpired)
            {
                LogTokenExpired();
                await SendToDirectMessagesAsync(origin, messages.Skip(i).ToList(), ct);
                return;
            }
        }
    }

    private async Task SendToDirectMessagesAsync(InteractionOrigin origin, IReadOnlyList<RenderedMessage> messages, CancellationToken ct)
    {
        try
        {
            await poster.PostAsync(await poster.DirectMessageChannelAsync(origin.Sender.UserId, ct), messages, ct);
        }
        catch (DiscordApiException exception)
        {
            LogLost(exception.Message);
        }
    }

    private async Task SendElsewhereAsync(Outbound message, CancellationToken ct)
    {
        try
        {
            await messenger.SendAsync(message, ct);
        }
        catch (MessageNotDeliveredException exception)
        {
            LogLost(exception.Message);
        }
    }

    private static async Task<bool> SucceededAsync(Task acknowledged)
    {
        try
        {
            await acknowledged;
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction's first response didn't get through; answering in a DM instead")]
    private partial void LogAckFailed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction's token had expired; answering in a DM instead")]
    private partial void LogTokenExpired();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be delivered: {Reason}")]
    private partial void LogLost(string reason);
}
