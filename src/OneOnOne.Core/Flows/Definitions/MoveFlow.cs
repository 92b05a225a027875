using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Flows.Definitions;

/// <summary>"It moved" or "let's find a new date": asks the new time and reschedules.</summary>
public sealed class MoveFlow(IOneOnOneStore store, PeopleDirectory directory, MeetingScheduler scheduler) : IFlow
{
    public const string Name = "move";

    public FlowDefinition Definition { get; } = new(Name, 1, "A new time for your 1:1 with {person}",
    [
        new("when", "When is your 1:1 with {person} now?", QuestionKind.DateTime)
        {
            Required = true,
            MustBeFuture = true,
            Hint = "For example `tue 18:30` or `next friday 9am`.",
        },
    ]);

    public async Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken ct)
    {
        var meeting = await store.Meetings.Include(m => m.Person).Include(m => m.Reflections)
            .SingleAsync(m => m.Id == run.MeetingId, ct);
        var mine = await directory.EnsureMineAsync(context, meeting.Person, ct);
        var start = AnswerParser.ReadInstant(answers.Get("when"))!.Value;
        return new FlowOutcome(await scheduler.ScheduleAsync(context, meeting, mine, start, null, null, ct));
    }

    /// <summary>
    /// Started from a reminder's button, so "start it again" would send them looking for that reminder:
    /// say what stays and the way that always works.
    /// </summary>
    public async Task<string> WhatStaysWhenLeftAsync(ConversationContext context, FlowRun run, CancellationToken ct)
    {
        var name = await store.People.Where(p => p.Id == run.PersonId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        return name is null
            ? IFlow.NothingChanged
            : $"Your 1:1 with {name} keeps its old time. When you know the new one: `schedule {name} <when>`.";
    }
}
