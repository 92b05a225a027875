using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Requests;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Conversation;

/// <summary>
/// The one place that decides what Slack hears within its 3 seconds, for both transports:
/// answer a URL check, validate a form, answer a slash command in the acknowledgement when the engine
/// is quick enough, and for everything else queue the work and acknowledge at once.
/// </summary>
public sealed class SlackDispatcher(
    SlackWorkQueue queue,
    SlackConversation conversation,
    SlackFormSubmissions submissions,
    SlackIdentity identity,
    IHostApplicationLifetime lifetime,
    IOptions<SlackOptions> options,
    InlineAnswerClock inlineClock)
{
    public async ValueTask<SlackAck> AcceptAsync(SlackRequest request)
    {
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
                queue.RunNow(ct => conversation.HandleAsync(press, ct));
                return SlackAck.Empty;

            case SlashCommandRequest command:
                var inline = new InlineAnswer();
                if (!queue.TryEnqueue(LaneOf(command.Actor), ct => conversation.HandleCommandAsync(command, inline, ct)))
                {
                    return SlackAck.Busy;
                }

                return await inline.WaitAsync(options.Value.InlineAnswerWindow, inlineClock) is { } answer ? SlackAck.Answer(answer, inline) : SlackAck.Empty;

            case DirectMessageRequest or ButtonPressRequest or HomeOpenedRequest:
                return queue.TryEnqueue(LaneOf(ActorOf(request)), ct => conversation.HandleAsync(request, ct))
                    ? SlackAck.Empty
                    : SlackAck.Busy;

            default:
                return SlackAck.Empty;
        }
    }

    /// <summary>One person's deliveries share a lane, so they are handled in the order they arrived.</summary>
    private static string LaneOf(SlackActor actor) => actor.TeamId + ":" + actor.UserId;

    private static SlackActor ActorOf(SlackRequest request) => request switch
    {
        DirectMessageRequest r => r.Actor,
        ButtonPressRequest r => r.Actor,
        HomeOpenedRequest r => r.Actor,
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };
}
