using Microsoft.Extensions.Logging;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Acknowledgement;
using OneOnOne.Slack.Conversation;
using OneOnOne.Slack.Delivery;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Forms;

/// <summary>
/// Answers a modal's Submit. This is the one delivery whose answer Slack needs in the acknowledgement
/// itself (validation errors under the fields), so the engine is asked right away, within a budget
/// that leaves room in Slack's 3 seconds. If the engine is slower, the modal closes and its answer,
/// errors included, arrives in the DM. The engine has then already been asked (and keeps what it was told),
/// so the answer's delivery runs beside the lanes rather than through the inbox.
/// </summary>
public sealed partial class SlackFormSubmissions(
    SlackConversation conversation,
    SlackForms forms,
    SlackReplier replier,
    SideWork beside,
    TimeProvider time,
    ILogger<SlackFormSubmissions> logger)
{
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2300);

    private const string TooMuchToCarry =
        "That's more than the form can carry to its next page. Please shorten this answer, or answer in our DM instead.";

    public async Task<SlackAck> SubmitAsync(ViewSubmissionRequest submission, CancellationToken stopping)
    {
        if (submission.CallbackId != SlackFormBuilder.CallbackId || SlackFormState.Decode(submission.PrivateMetadata) is not { } state)
        {
            return SlackAck.Empty;
        }

        var answers = new Dictionary<string, string?>(state.Carried, StringComparer.Ordinal);
        foreach (var (questionId, value) in submission.Values)
        {
            answers[questionId] = value;
        }

        var found = await forms.FindAsync(submission.Actor, state.RunId, stopping);
        var pages = found is { } f ? SlackFormBuilder.PageCount(f.Flow) : 1;
        if (found is { } open && state.Page < pages - 1)
        {
            return NextPage(open.Flow, open.PersonName, state, answers, submission.Values);
        }

        // The engine's cancellation is the host's, not the request's: once asked, it finishes and its answer is delivered.
        var asking = conversation.AskEngineAsync(submission.Actor, new FormInput(state.RunId, answers), submission.DeliveryId, stopping);
        var origin = SlackOrigin.For(submission);
        if (await Task.WhenAny(asking, Task.Delay(Budget, time, stopping)) != asking)
        {
            LogSlowSubmission();
            Deliver(origin, async ct => await asking);
            return SlackAck.Empty;
        }

        var outbounds = await asking;
        if (outbounds.SelectMany(o => o.Blocks).OfType<FormErrorsBlock>().FirstOrDefault() is { } problems)
        {
            var shown = found is { } here ? SlackFormBuilder.QuestionsOn(here.Flow, state.Page).Select(q => q.Id).ToList() : [];
            return SlackAck.Errors(ByBlock(problems.Errors, shown));
        }

        Deliver(origin, _ => Task.FromResult(outbounds));
        return pages > 1 ? SlackAck.CloseAll : SlackAck.Empty;
    }

    private static SlackAck NextPage(
        Core.Flows.FlowDefinition flow, string? personName, SlackFormState state, Dictionary<string, string?> answers,
        IReadOnlyDictionary<string, string?> thisPage)
    {
        var next = state with { Page = state.Page + 1, Carried = answers };
        if (next.Encode().Length > BlockKitLimits.PrivateMetadata)
        {
            var longest = thisPage.Where(a => a.Value is not null).MaxBy(a => a.Value!.Length).Key;
            return longest is null ? SlackAck.Empty : SlackAck.Errors(new Dictionary<string, string> { [longest] = TooMuchToCarry });
        }

        return SlackAck.Push(SlackFormBuilder.Build(flow, next, personName));
    }

    /// <summary>
    /// Errors keyed by question id are already keyed by block id. One about a question on an earlier
    /// page can't be shown there, so it is told under the first field of this page.
    /// </summary>
    private static Dictionary<string, string> ByBlock(IReadOnlyDictionary<string, string> errors, IReadOnlyList<string> shown)
    {
        var byBlock = errors.Where(e => shown.Count == 0 || shown.Contains(e.Key)).ToDictionary(e => e.Key, e => Fit(e.Value));
        var elsewhere = errors.Where(e => shown.Count > 0 && !shown.Contains(e.Key)).Select(e => e.Value).ToList();
        if (elsewhere.Count > 0)
        {
            var first = shown[0];
            byBlock[first] = Fit(string.Join(' ', [.. elsewhere, byBlock.GetValueOrDefault(first)]).Trim());
        }

        return byBlock;
    }

    private static string Fit(string message) => SlackFormat.Truncate(message, 2000);

    private void Deliver(SlackOrigin origin, Func<CancellationToken, Task<IReadOnlyList<Outbound>>> outbounds) =>
        beside.Run(async ct => await replier.DeliverAsync(await outbounds(ct), origin, ct));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A form submission took longer than Slack waits; its answer goes to the DM")]
    private partial void LogSlowSubmission();
}
