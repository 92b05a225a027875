using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Delivers the engine's answer to an interaction that was deferred: the first message replaces the
/// "thinking…" reply, the rest follow it. Two detours: questions asked in a server move to the
/// person's DMs, where they can answer by typing; and when the interaction can no longer be answered
/// (the first response never got through, or the token ran out) the answer goes to the DM instead,
/// so nothing the engine said is lost.
/// </summary>
internal sealed partial class InteractionReplier(
    DiscordRestClient rest,
    DiscordRenderer renderer,
    ChannelPoster poster,
    AttachmentFallback attachments,
    IMessenger messenger,
    TimeProvider time,
    ILogger<InteractionReplier> logger)
{
    /// <summary>
    /// How long a reply waits for the first answer to leave. Normally it has long before the engine is
    /// done; a wait without end would hold the person's lane, and everyone else on it, for good.
    /// </summary>
    public static readonly TimeSpan AcknowledgementWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The pauses before each new try of an edit or follow-up that met 10008 Unknown Message. Right after a
    /// deferral, Discord may not have made the "thinking…" message yet (platform notes B9); a moment later it has.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> UnknownMessageBackoff =
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

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

        if (!await MayEditAsync(acknowledged))
        {
            LogAckFailed();
            await SendToDirectMessagesAsync(origin, messages, ct);
            return;
        }

        if (origin.Sender.GuildId is not null && blocks.Any(b => b is QuestionBlock))
        {
            if (await MoveToDirectMessagesAsync(origin, messages, ct) is not { } stayingHere)
            {
                return;
            }

            messages = [.. messages, RenderedMessage.Text(stayingHere)];
        }

        await ReplyInPlaceAsync(origin, messages, ct);
    }

    /// <summary>Null once the questions are in the person's DMs; otherwise why they go on here instead.</summary>
    private async Task<string?> MoveToDirectMessagesAsync(InteractionOrigin origin, IReadOnlyList<RenderedMessage> messages, CancellationToken ct)
    {
        string channel;
        try
        {
            channel = await poster.DirectMessageChannelAsync(origin.Sender.UserId, ct);
            await poster.PostAsync(channel, messages, ct);
        }
        catch (DiscordApiException exception) when (exception.Code is DiscordApiException.CannotMessageUser)
        {
            return "I couldn't send you a DM, so we'll go on here with the buttons. To answer by typing, " +
                   "allow direct messages from this server's members (Privacy Settings) and use `/one-on-one continue`.";
        }
        catch (DiscordApiException exception)
        {
            LogNotMoved(exception.Message);
            return "I couldn't reach our DMs just now, so we'll go on here with the buttons.";
        }

        try
        {
            await OnceOriginalExistsAsync(() => rest.EditOriginalResponseAsync(origin.ApplicationId, origin.Token, RenderedMessage.Text(
                $"I've sent you the questions in our DMs (https://discord.com/channels/@me/{channel}). " +
                "Answer there by typing or with the buttons; only you can see them.").Payload, null, ct), ct);
        }
        catch (DiscordApiException exception)
        {
            // The questions are in the DMs, which notify the person; only the pointer to them is missing.
            LogReplyFailed(exception.Message);
        }

        return null;
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
                    await attachments.SendAsync(messages[0], m => OnceOriginalExistsAsync(
                        () => rest.EditOriginalResponseAsync(origin.ApplicationId, origin.Token, m.WithFlags(null).Payload, m.Files, ct), ct));
                }
                else
                {
                    await attachments.SendAsync(messages[i], m => OnceOriginalExistsAsync(
                        () => rest.CreateFollowupAsync(origin.ApplicationId, origin.Token, m.WithFlags(origin.Flags).Payload, m.Files, ct), ct));
                }
            }
            catch (DiscordApiException exception) when (exception.InteractionExpired)
            {
                LogTokenExpired();
                await SendToDirectMessagesAsync(origin, messages.Skip(i).ToList(), ct);
                return;
            }
            catch (DiscordApiException exception) when (i > 0 && exception.Status is null)
            {
                // The follow-up may have arrived all the same: sending it again, here or in the DMs, could show it twice.
                LogReplyFailed(exception.Message);
            }
            catch (DiscordApiException exception)
            {
                LogReplyFailed(exception.Message);
                if (i == 0)
                {
                    await ApologizeInPlaceAsync(origin, messages, ct);
                }
                else
                {
                    await SendToDirectMessagesAsync(origin, messages.Skip(i).ToList(), ct);
                }

                return;
            }
        }
    }

    /// <summary>
    /// Sends a call that needs the interaction's first message, trying again after a short pause while
    /// Discord says that message doesn't exist (yet). Still unknown after the last pause, the 10008 stands.
    /// </summary>
    private async Task<T> OnceOriginalExistsAsync<T>(Func<Task<T>> send, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (DiscordApiException exception) when (exception.Code == DiscordApiException.UnknownMessage && attempt < UnknownMessageBackoff.Count)
            {
                LogOriginalNotYet(attempt + 1);
                await Task.Delay(UnknownMessageBackoff[attempt], time, ct);
            }
        }
    }

    /// <summary>The answer itself was refused: a plain apology still replaces "thinking…", or failing that the answer goes to the DMs.</summary>
    private async Task ApologizeInPlaceAsync(InteractionOrigin origin, IReadOnlyList<RenderedMessage> messages, CancellationToken ct)
    {
        try
        {
            await rest.EditOriginalResponseAsync(origin.ApplicationId, origin.Token, RenderedMessage.Text(Phrases.SomethingWentWrong).Payload, null, ct);
        }
        catch (DiscordApiException exception)
        {
            LogReplyFailed(exception.Message);
            await SendToDirectMessagesAsync(origin, messages, ct);
        }
    }

    /// <summary>
    /// The engine's answer as the interaction's first response, when it is exactly one message for the
    /// person with no question (those may move to the DMs) and no file (those need an upload).
    /// </summary>
    public InteractionResponse? AsFirstAnswer(InteractionOrigin origin, IReadOnlyList<Outbound> outbounds)
    {
        if (outbounds is not [{ To: ToSender } only] || only.Blocks.Any(b => b is QuestionBlock))
        {
            return null;
        }

        if (renderer.Render(only.Blocks, null) is not [{ Files.Count: 0, Payload: var message }])
        {
            return null;
        }

        return new InteractionResponse
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new InteractionCallbackData
            {
                Content = message.Content,
                Embeds = message.Embeds,
                Components = message.Components,
                AllowedMentions = message.AllowedMentions,
                Flags = origin.Flags,
            },
        };
    }

    /// <summary>After the answer left as the first response: only if that failed does it go to the DMs instead.</summary>
    public async Task ConfirmFirstAnswerAsync(InteractionOrigin origin, IReadOnlyList<Outbound> outbounds, Task acknowledged, CancellationToken ct)
    {
        if (!await MayEditAsync(acknowledged))
        {
            LogAckFailed();
            await SendToDirectMessagesAsync(origin, renderer.Render(outbounds.SelectMany(o => o.Blocks).ToList(), null), ct);
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

    /// <summary>False when the first answer failed; true when it left, or when its fate is unknown after the wait.</summary>
    private async Task<bool> MayEditAsync(Task acknowledged)
    {
        try
        {
            await acknowledged.WaitAsync(AcknowledgementWait, time);
            return true;
        }
        catch (TimeoutException)
        {
            // The edit finds out whether it arrived, and goes to the DMs if it didn't.
            LogAckUnknown();
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction's first response didn't get through; answering in a DM instead")]
    private partial void LogAckFailed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction's first response hadn't left after the wait; editing it anyway")]
    private partial void LogAckUnknown();

    [LoggerMessage(Level = LogLevel.Information, Message = "An interaction's first message wasn't there yet (10008); trying again shortly (try {Attempt})")]
    private partial void LogOriginalNotYet(int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction's token had expired; answering in a DM instead")]
    private partial void LogTokenExpired();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Couldn't reply in place: {Reason}")]
    private partial void LogReplyFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Couldn't move questions to someone's DMs; going on in the server: {Reason}")]
    private partial void LogNotMoved(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be delivered: {Reason}")]
    private partial void LogLost(string reason);
}
