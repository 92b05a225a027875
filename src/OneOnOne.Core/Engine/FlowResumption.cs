using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Engine;

/// <summary>
/// After a restart an organizer can't tell that a question still waits: the bot went quiet, their chat
/// scrolled on. So the first time this process hears from someone whose flow is in progress, it shows
/// where they were before any typed line is taken as an answer to a question they no longer see.
/// </summary>
public sealed class FlowResumption(FlowRunner runner, OrganizerDirectory organizers, HeardSinceStart heard)
{
    /// <summary>The flow in progress when this is the first the process hears from the organizer; otherwise null.</summary>
    public async Task<FlowRun?> FindInterruptedAsync(ConversationContext context, CancellationToken ct) =>
        heard.Has(context.Address) ? null : await runner.FindActiveAsync(context.Organizer.Id, ct);

    /// <summary>From now on the organizer's lines are taken as usual.</summary>
    public void Heard(Address organizer) => heard.Remember(organizer);

    /// <summary>A typed line that would have answered a question the organizer may not see: not saved, and said so.</summary>
    public async Task<Reply> HoldBackAsync(FlowRun run, CancellationToken ct) =>
        Reply.WithText($"We were in the middle of “{await runner.TitleAsync(run, ct)}” when I restarted. " +
                       "I didn't save your last message, in case it wasn't meant for this question; if it was, just send it again:")
            .Append(await runner.RepeatAsync(run, ct));

    /// <summary>After a command ran, shows the question still waiting, unless the reply already shows it.</summary>
    public async Task<Reply> ShowWaitingAfterAsync(ConversationContext context, Reply reply, CancellationToken ct)
    {
        if (await runner.FindActiveAsync(context.Organizer.Id, ct) is not { } run
            || reply.Blocks.OfType<QuestionBlock>().Any(q => q.FlowRunId == run.Id))
        {
            return reply;
        }

        return reply.Text($"By the way, we're in the middle of “{await runner.TitleAsync(run, ct)}”. Here's where we left off:")
            .Append(await runner.RepeatAsync(run, ct));
    }

    /// <summary>
    /// For an adapter that opens the conversation itself (the console at start): the waiting question with
    /// a welcome back, or null when nothing waits. Either way the organizer counts as heard from.
    /// </summary>
    public async Task<Reply?> WelcomeBackAsync(Address organizer, CancellationToken ct)
    {
        var run = await organizers.FindIdAsync(organizer, ct) is { } id ? await runner.FindActiveAsync(id, ct) : null;
        var reply = run is null
            ? null
            : Reply.WithText($"Welcome back! We were in the middle of “{await runner.TitleAsync(run, ct)}”. Here's where we left off:")
                .Append(await runner.RepeatAsync(run, ct));
        heard.Remember(organizer);
        return reply;
    }
}
