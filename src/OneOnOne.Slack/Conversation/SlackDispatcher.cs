using Microsoft.Extensions.Hosting;
using OneOnOne.Slack.Requests;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Conversation;

/// <summary>
/// The one place that decides what Slack hears within its 3 seconds, for both transports:
/// answer a URL check, validate a form, and for everything else queue the work and acknowledge at once.
/// </summary>
public sealed class SlackDispatcher(
    SlackWorkQueue queue,
    SlackConversation conversation,
    SlackFormSubmissions submissions,
    SlackIdentity identity,
    IHostApplicationLifetime lifetime)
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

            case SlashCommandRequest or DirectMessageRequest or ButtonPressRequest or HomeOpenedRequest:
                var actor = ActorOf(request);
                return queue.TryEnqueue(actor.TeamId + ":" + actor.UserId, ct => conversation.HandleAsync(request, ct))
                    ? SlackAck.Empty
                    : SlackAck.Busy;

            default:
                return SlackAck.Empty;
        }
    }

    private static SlackActor ActorOf(SlackRequest request) => request switch
    {
        SlashCommandRequest r => r.Actor,
        DirectMessageRequest r => r.Actor,
        ButtonPressRequest r => r.Actor,
        HomeOpenedRequest r => r.Actor,
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };
}
