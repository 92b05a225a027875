using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Slack.Conversation;
using OneOnOne.Slack.Forms;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Wire;
using OneOnOne.Telemetry;

namespace OneOnOne.Slack.Acknowledgement;

/// <summary>
/// The one place that decides what Slack hears within its 3 seconds, for both transports:
/// answer a URL check, validate a form, answer a slash command in the acknowledgement when the engine
/// is quick enough, and for everything else store the work in the durable inbox and acknowledge at once.
/// Nothing is acknowledged before it is stored, except what is answered in the acknowledgement itself.
/// </summary>
public sealed partial class SlackDispatcher(
    DurableInbox inbox,
    SideWork beside,
    SlackConversation conversation,
    SlackFormSubmissions submissions,
    SlackIdentity identity,
    IHostApplicationLifetime lifetime,
    IOptions<SlackOptions> options,
    InlineAnswerClock inlineClock,
    BotMetrics metrics,
    ILogger<SlackDispatcher> logger)
{
    public async ValueTask<SlackAck> AcceptAsync(SlackRequest request) => await AcknowledgeAsync(await TakeAsync(request));

    /// <summary>
    /// Does what must happen before the acknowledgement (storing the work, validating a form) and says how
    /// to acknowledge. Split from <see cref="AcknowledgeAsync"/> so a socket can take deliveries in order
    /// and still not wait, in its read loop, for a command's quick answer.
    /// </summary>
    public async ValueTask<PendingAck> TakeAsync(SlackRequest request)
    {
        if (request is SlashCommandRequest slashCommand)
        {
            metrics.CommandHandled(SlackConversation.PlatformKey, slashCommand.Text);
        }

        switch (request)
        {
            case UrlVerificationRequest verification:
                return SlackAck.Challenge(verification.Challenge);

            case MalformedRequest:
                return SlackAck.Malformed;

            case IgnoredRequest:
            case DirectMessageRequest message when identity.IsSelf(message.Actor.UserId):
                return SlackAck.Empty;

            case ViewSubmissionRequest submission:
                return await submissions.SubmitAsync(submission, lifetime.ApplicationStopping);

            case ButtonPressRequest { ActionId: SlackMessageRenderer.FormActionId } press:
                // The trigger id expires 3 seconds after the click: don't wait behind the lane.
                beside.Run(ct => conversation.HandleAsync(press, ct));
                return SlackAck.Empty;

            case SlashCommandRequest command when conversation.TryAnswerAtOnce(command) is { } quick:
                // Help and the like: answered in the acknowledgement, so there is nothing to keep.
                return SlackAck.AnswerAtOnce(quick);

            case SlashCommandRequest command:
                var inline = new InlineAnswer();
                return await StoreAsync(command, inline) is { } refused ? refused : new PendingAck(inline);

            case DirectMessageRequest or ButtonPressRequest or HomeOpenedRequest:
                return await StoreAsync(request, live: null) ?? SlackAck.Empty;

            default:
                return SlackAck.Empty;
        }
    }

    /// <summary>The acknowledgement: at once, or a command's answer if it is ready within the inline window.</summary>
    public async ValueTask<SlackAck> AcknowledgeAsync(PendingAck pending) =>
        pending.Inline is not { } inline ? pending.Now!
        : await inline.WaitAsync(options.Value.InlineAnswerWindow, inlineClock) is { } answer ? SlackAck.Answer(answer, inline)
        : SlackAck.Empty;

    /// <summary>Null once stored; otherwise the acknowledgement that says why not.</summary>
    private async ValueTask<SlackAck?> StoreAsync(SlackRequest request, InlineAnswer? live)
    {
        try
        {
            return await inbox.AcceptAsync(SlackInbox.ItemFor(request), live) switch
            {
                InboxAcceptance.Accepted => null,
                InboxAcceptance.Duplicate => SlackAck.Empty,
                _ => SlackAck.Busy,
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not stored, so not acknowledged: Slack tries again (a 503, or a socket's missing acknowledgement).
            LogNotStored(exception);
            return SlackAck.Busy;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not keep a Slack delivery; told Slack to try again")]
    private partial void LogNotStored(Exception exception);
}

/// <summary>How to acknowledge a delivery once it is taken: <see cref="Now"/>, or after waiting on <see cref="Inline"/> for a quick answer.</summary>
public readonly record struct PendingAck(SlackAck? Now, InlineAnswer? Inline)
{
    public PendingAck(InlineAnswer inline)
        : this(null, inline)
    {
    }

    public static implicit operator PendingAck(SlackAck ack) => new(ack, null);
}
