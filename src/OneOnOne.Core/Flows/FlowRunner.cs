using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Flows;

/// <summary>
/// Walks an organizer through a flow one question at a time. The run is a row: every answer is
/// saved before the next question is asked, so a restart resumes exactly where it stopped.
/// </summary>
public sealed class FlowRunner(IOneOnOneStore store, IEnumerable<IFlow> flows, WhenFollowUps whenFollowUps)
{
    private readonly Dictionary<string, IFlow> _flows = flows.ToDictionary(f => f.Definition.Name);

    public Task<FlowRun?> FindActiveAsync(int organizerId, CancellationToken ct) =>
        store.FlowRuns.SingleOrDefaultAsync(r => r.OrganizerId == organizerId && r.Status == FlowStatus.Active, ct);

    /// <summary>Starts a flow, unless another one is waiting for an answer: then says so and offers the way out.</summary>
    public async Task<Reply> StartAsync(ConversationContext context, FlowStart start, CancellationToken ct)
    {
        if (await RefuseIfBusyAsync(context, ct) is { } busy)
        {
            return busy;
        }

        var flow = _flows[start.Flow];
        var run = new FlowRun
        {
            OrganizerId = context.Organizer.Id,
            Flow = flow.Definition.Name,
            FlowVersion = flow.Definition.Version,
            PersonId = start.PersonId,
            MeetingId = start.MeetingId,
            Status = FlowStatus.Active,
            StartedAt = context.Now,
            UpdatedAt = context.Now,
        };
        var answers = FlowAnswers.Empty();
        foreach (var (key, value) in start.Answers ?? new Dictionary<string, string?>())
        {
            answers.Set(key, value);
        }

        var first = flow.Definition.NextShown(null, answers)
            ?? throw new InvalidOperationException($"Flow {flow.Definition.Name} has no questions.");
        run.Step = first.Id;
        run.AnswersJson = answers.ToJson();
        store.FlowRuns.Add(run);
        await store.SaveChangesAsync(ct);

        var name = await PersonNameAsync(run, ct);
        return new Reply().Header(Personalise(flow.Definition.Title, name)).Append(await AskAsync(run, flow, first, answers, name, ct));
    }

    /// <summary>
    /// Null when the organizer has no flow waiting for an answer; otherwise says which one is, with
    /// the way to continue or leave it. Nothing is dropped silently.
    /// </summary>
    public async Task<Reply?> RefuseIfBusyAsync(ConversationContext context, CancellationToken ct)
    {
        if (await FindActiveAsync(context.Organizer.Id, ct) is not { } active)
        {
            return null;
        }

        var title = await TitleAsync(active, ct);
        return Reply.WithText($"You're still in the middle of “{title}”. Let's finish or leave that first.")
            .Buttons(Payloads.Command("Continue it", "continue"), Payloads.Command("Leave it", "cancel"));
    }

    /// <summary>Asks the current question again, e.g. after a restart or an interruption.</summary>
    public async Task<Reply> RepeatAsync(FlowRun run, CancellationToken ct)
    {
        var flow = _flows[run.Flow];
        var answers = FlowAnswers.FromJson(run.AnswersJson);
        var question = flow.Definition.Find(run.Step) ?? flow.Definition.NextShown(null, answers)!;
        return await AskAsync(run, flow, question, answers, await PersonNameAsync(run, ct), ct);
    }

    /// <summary>The flow's title as the organizer saw it, with the person's name.</summary>
    public async Task<string> TitleAsync(FlowRun run, CancellationToken ct) =>
        Personalise(_flows.TryGetValue(run.Flow, out var flow) ? flow.Definition.Title : run.Flow, await PersonNameAsync(run, ct));

    /// <summary>
    /// Takes an answer for the current question. <paramref name="questionId"/> is set when the answer
    /// came from a button: a press on an earlier question's button is not taken as an answer to this one.
    /// </summary>
    public async Task<Reply> AnswerAsync(ConversationContext context, FlowRun run, string? questionId, string text, CancellationToken ct)
    {
        var flow = _flows[run.Flow];
        var question = flow.Definition.Find(run.Step);
        if (question is null || run.FlowVersion != flow.Definition.Version)
        {
            run.Finish(FlowStatus.Expired, context.Now);
            await store.SaveChangesAsync(ct);
            return Reply.WithText("That conversation was started with an older version of me, so I've closed it. " +
                                  "Please start it again; sorry for the trouble.");
        }

        if (questionId is not null && questionId != question.Id)
        {
            return Reply.WithText("That button belongs to a question you've already answered. Here's where we are:")
                .Append(await RepeatAsync(run, ct));
        }

        var answers = FlowAnswers.FromJson(run.AnswersJson);
        string? note = null;
        var result = PendingWhen.Find(answers, question.Id) is { } pending
            ? WhenFollowUps.Read(context, question, pending, text, out note)
            : AnswerParser.Parse(question, text, context.LocalNow, context.Zone, context.Organizer.DateOrder);
        var reply = note is null ? new Reply() : Reply.WithText(note);
        switch (result)
        {
            case AnswerResult.NeedsTime needs:
                return reply.Append(await FollowUpAsync(context, run, question, answers, PendingWhen.TimeOn(needs.Day), ct));
            case AnswerResult.NeedsDateOrder needs:
                return reply.Append(await FollowUpAsync(
                    context, run, question, answers, PendingWhen.WhichOrder(needs.Typed, needs.DayFirst, needs.MonthFirst), ct));
        }

        if (answers.Record(question.Id, result) is { } refusal)
        {
            // A date order chosen is kept even when the date it gave can't be used ("has already passed").
            await store.SaveChangesAsync(ct);
            return reply.Text(refusal).Append(await RepeatAsync(run, ct));
        }

        PendingWhen.Clear(answers, question.Id);
        return reply.Append(await MoveOnAsync(context, run, flow, question.Id, answers, ct));
    }

    /// <summary>Keeps what the date-time question now waits for, and asks it.</summary>
    private async Task<Reply> FollowUpAsync(
        ConversationContext context, FlowRun run, Question question, FlowAnswers answers, PendingWhen pending, CancellationToken ct)
    {
        pending.SaveTo(answers, question.Id);
        run.Advance(question.Id, answers.ToJson(), context.Now);
        await store.SaveChangesAsync(ct);
        return await RepeatAsync(run, ct);
    }

    /// <summary>
    /// A line that is exactly a command word (“status”) could be meant either way when the waiting question
    /// takes free text, so nothing is stored: a button runs the command, another keeps the word as the answer.
    /// Null when the question takes a choice, a number or a date, where a command word can't pass for an answer.
    /// </summary>
    public Reply? ConfirmCommandWord(FlowRun run, string command, string typed)
    {
        if (!_flows.TryGetValue(run.Flow, out var flow)
            || flow.Definition.Find(run.Step) is not { Kind: QuestionKind.Text or QuestionKind.People } question)
        {
            return null;
        }

        return Reply.WithText($"Did you mean the command `{command}`, or is “{typed}” your answer?")
            .Buttons(Payloads.Command($"Run {command}", command), Payloads.Answer("It's my answer", run.Id, question.Id, typed));
    }

    /// <summary>True when the question waiting is a date and time (or its follow-up), which no command word can answer.</summary>
    public bool WaitsForDate(FlowRun run) =>
        _flows.TryGetValue(run.Flow, out var flow) && flow.Definition.Find(run.Step) is { Kind: QuestionKind.DateTime };

    /// <summary>
    /// Takes every answer at once, as a form submits them. Returns the problems per question id, or
    /// the completion reply when all were acceptable.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, string> Errors, Reply? Reply)> SubmitAsync(
        ConversationContext context, FlowRun run, IReadOnlyDictionary<string, string?> submitted, CancellationToken ct)
    {
        var flow = _flows[run.Flow];
        var answers = FlowAnswers.Empty();
        var errors = new Dictionary<string, string>();
        foreach (var question in flow.Definition.Questions.Where(q => q.IsShown(answers)))
        {
            var raw = submitted.GetValueOrDefault(question.Id);
            var result = AnswerParser.Parse(
                question, string.IsNullOrWhiteSpace(raw) ? AnswerParser.SkipWord : raw, context.LocalNow, context.Zone, context.Organizer.DateOrder);
            if (answers.Record(question.Id, result) is { } refusal)
            {
                errors[question.Id] = refusal;
            }
        }

        return errors.Count > 0 ? (errors, null) : (errors, await CompleteAsync(context, run, flow, answers, ct));
    }

    public async Task<Reply> CancelAsync(ConversationContext context, CancellationToken ct)
    {
        if (await FindActiveAsync(context.Organizer.Id, ct) is not { } run)
        {
            return Reply.WithText("There's nothing in progress to leave. Type `help` to see what I can do.");
        }

        var title = await TitleAsync(run, ct);
        run.Finish(FlowStatus.Cancelled, context.Now);
        await store.SaveChangesAsync(ct);
        var stays = _flows.TryGetValue(run.Flow, out var flow)
            ? await flow.WhatStaysWhenLeftAsync(context, run, ct)
            : IFlow.NothingChanged;
        return Reply.WithText($"Okay, I've closed “{title}”. {stays}");
    }

    private async Task<Reply> MoveOnAsync(
        ConversationContext context, FlowRun run, IFlow flow, string answeredId, FlowAnswers answers, CancellationToken ct)
    {
        var next = flow.Definition.NextShown(answeredId, answers);
        if (next is not null)
        {
            run.Advance(next.Id, answers.ToJson(), context.Now);
            await store.SaveChangesAsync(ct);
            return await AskAsync(run, flow, next, answers, await PersonNameAsync(run, ct), ct);
        }

        return await CompleteAsync(context, run, flow, answers, ct);
    }

    private async Task<Reply> CompleteAsync(ConversationContext context, FlowRun run, IFlow flow, FlowAnswers answers, CancellationToken ct)
    {
        var outcome = await flow.CompleteAsync(context, run, answers, ct);
        run.Advance(null, answers.ToJson(), context.Now);
        run.Finish(FlowStatus.Completed, context.Now);

        // The completion's changes and the run's end are saved together: both happen or neither.
        await store.SaveChangesAsync(ct);
        return outcome.Next is { } next ? outcome.Reply.Append(await StartAsync(context, next, ct)) : outcome.Reply;
    }

    private async Task<Reply> AskAsync(FlowRun run, IFlow flow, Question question, FlowAnswers answers, string? personName, CancellationToken ct)
    {
        var progress = flow.Definition.ProgressOf(question, answers);
        if (PendingWhen.Find(answers, question.Id) is { } pending)
        {
            return (await whenFollowUps.AskAsync(run, question, pending, progress, ct))
                .Add(new QuestionBlock(run.Id, flow.Definition.Name, question.Id));
        }

        var reply = new Reply().Text($"{progress} {Personalise(question.Prompt, personName)}");
        var choices = question.EffectiveChoices;
        var help = question.Hint;
        if (!question.Required && choices.Count == 0)
        {
            help = await flow.AlreadyKnownAsync(run, question, ct) is { } known
                ? $"So far I have: {known}. Type `skip` to keep that, or tell me in your own words."
                : help is null ? "Type `skip` to leave it out." : $"{help} Or type `skip`.";
        }

        if (help is not null)
        {
            reply.Text(help);
        }

        // A button holds a word; what picking it means is said once, above the buttons, on every platform.
        var meanings = choices.Where(c => c.Description is not null).Select(c => $"• {c.Label}: {c.Description}").ToList();
        if (meanings.Count > 0)
        {
            reply.Text(string.Join('\n', meanings));
        }

        var buttons = choices.Select(c => Payloads.Answer(c.Label, run.Id, question.Id, c.Value)).ToList();
        if (buttons.Count > 0 && !question.Required)
        {
            buttons.Add(Payloads.Answer("Skip", run.Id, question.Id, AnswerParser.SkipWord));
        }

        return reply.Buttons(buttons).Add(new QuestionBlock(run.Id, flow.Definition.Name, question.Id));
    }

    private async Task<string?> PersonNameAsync(FlowRun run, CancellationToken ct) =>
        run.PersonId is { } id
            ? await store.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct)
            : null;

    private static string Personalise(string text, string? personName) =>
        text.Replace("{person}", personName ?? "them", StringComparison.Ordinal);
}
