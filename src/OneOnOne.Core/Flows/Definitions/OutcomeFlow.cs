using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Flows.Definitions;

/// <summary>
/// Right after a 1:1 (METHOD.md §5, §7 and §9): the answer to the ask, the commitment, the next conversation, and the
/// person's level.
/// </summary>
/// <remarks>
/// The next conversation is one choice with buttons, and a date question only when there is a date: a tap answers
/// the common cases, and "not yet" never has to be told apart from a date typed in the same box.
/// </remarks>
public sealed class OutcomeFlow(
    IOneOnOneStore store, LevelHistory levels, FollowUpSync followUps, PeopleDirectory directory, MeetingScheduler scheduler) : IFlow
{
    public const string Name = "outcome";

    private const string NextStep = "next";
    private const string NextWhen = "next-when";
    private const string OnADate = "on-a-date";
    private const string NotYet = "not-yet";

    public FlowDefinition Definition { get; } = new(Name, 1, "How your 1:1 with {person} went",
    [
        new("answer", "How did {person} answer your ask?", QuestionKind.YesMaybeNo)
        {
            Hint = "Skip if you didn't make an ask this time.",
        },
        new("no-reason", "Was it a no to the date and time, or to the activity itself?", QuestionKind.Choice)
        {
            Required = true,
            Choices = [new("date", "The date or time"), new("activity", "The activity")],
            ShownIf = new ShowIf("answer", "no"),
        },
        new("answer-note", "What would help {person} say yes? What did the maybe mean?", QuestionKind.Text)
        {
            ShownIf = new ShowIf("answer", "maybe"),
        },
        new("commitment", "What exactly did {person} commit to?", QuestionKind.Text)
        {
            Required = true,
            ShownIf = new ShowIf("answer", "yes"),
        },
        new("due", "By when?", QuestionKind.DateTime)
        {
            Hint = "A date or a date and time, like `next friday` or `dec 12 18:00`.",
            DefaultTime = new TimeOnly(17, 0),
            MustBeFuture = true,
            ShownIf = new ShowIf("answer", "yes"),
        },
        new(NextStep, "Did you and {person} agree on your next conversation?", QuestionKind.Choice)
        {
            Hint = "Leaving with the next one on the calendar keeps the relationship going. Skip if it doesn't apply.",
            Choices = [new(OnADate, "Yes, on a date"), new(NotYet, "Not yet")],
        },
        new(NextWhen, "When is your next conversation with {person}?", QuestionKind.DateTime)
        {
            Required = true,
            MustBeFuture = true,
            Hint = "For example `tue 18:30` or `next friday 9am`.",
            ShownIf = new ShowIf(NextStep, OnADate),
        },
        new("level", "Where is {person} on the engagement pyramid now?", QuestionKind.Level),
    ]);

    public async Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken ct)
    {
        var meeting = await store.Meetings.Include(m => m.Person).Include(m => m.Reflections)
            .SingleAsync(m => m.Id == run.MeetingId, ct);
        meeting.Answer = Enum.TryParse<AskAnswer>(answers.Get("answer"), ignoreCase: true, out var answer) ? answer : null;
        meeting.NoReason = Enum.TryParse<NoReason>(answers.Get("no-reason"), ignoreCase: true, out var reason) ? reason : null;
        meeting.AnswerNote = answers.Get("answer-note");
        meeting.Commitment = answers.Get("commitment");
        meeting.CommitmentDueAt = AnswerParser.ReadInstant(answers.Get("due"));
        meeting.UpdatedAt = context.Now;

        var person = meeting.Person;
        if (Labels.TryParseLevel(answers.Get("level") ?? string.Empty, out var level))
        {
            levels.Record(context, person, level);
        }

        // Booked first (and saved with it), so the held 1:1 sees its successor and plans no check-in of its own; the
        // nudge to book it later is planned first too, so the check-in keeps the level's pace behind it.
        var booking = answers.Get(NextStep) == OnADate && AnswerParser.ReadInstant(answers.Get(NextWhen)) is { } nextStart
            ? await scheduler.BookAsync(context, person, await directory.EnsureMineAsync(context, person, ct), nextStart, null, null, ct)
            : null;
        // A maybe is revisited within days, and that reminder offers to book the next talk: one nudge, not two the same
        // day. A maybe recorded too late for its reminder gets the nudge to book the next talk instead.
        var notYet = answers.Get(NextStep) == NotYet;
        var revisitMaybe = followUps.RevisitMaybeAt(meeting, context.Now);
        var bookNext = notYet && revisitMaybe is null ? followUps.PlanBookNext(meeting, context.Now) : null;
        await followUps.SyncAsync(meeting, context.Now, ct);

        var reply = new Reply().Text(Summary(meeting, person.Name, revisitMaybe is { } at ? Zones.DescribeDate(at, context.Zone, context.Now) : null));
        if (booking is not null)
        {
            reply.Append(booking);
        }
        else if (bookNext is not null)
        {
            reply.Text($"I'll remind you on {Zones.DescribeDate(bookNext.DueAt, context.Zone, context.Now)} to book your next conversation with {person.Name}.");
        }
        else if (notYet)
        {
            reply.Text($"That reminder will also offer to book your next conversation with {person.Name}: a maybe is best talked through.");
        }
        else if (meeting.Answer is null)
        {
            await SayWhenToCheckInAsync(context, meeting, reply, ct);
        }

        reply.Text("Now, while it's fresh, a short reflection. It's just for you.");
        return new FlowOutcome(reply, new FlowStart(ReflectionFlow.Name, person.Id, meeting.Id));
    }

    /// <summary>
    /// <c>met</c> marked the 1:1 held before these questions began, and leaving them doesn't undo that:
    /// it did happen, so it counts, and the reminders that follow a 1:1 still come.
    /// </summary>
    public async Task<string> WhatStaysWhenLeftAsync(ConversationContext context, FlowRun run, CancellationToken ct)
    {
        var meeting = await store.Meetings.Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == run.MeetingId, ct);
        if (meeting is not { Status: MeetingStatus.Held })
        {
            return "Nothing else changed.";
        }

        var name = meeting.Person.Name;
        var reflectionReminder = await store.FollowUps.AnyAsync(
            f => f.MeetingId == meeting.Id && f.Kind == FollowUpKind.ReflectionPrompt && f.Status == FollowUpStatus.Pending, ct);
        return $"Your 1:1 with {name} stays recorded as held, without their answer" +
               (context.Organizer.Goal is > 0 ? ", and it counts toward your goal." : ".") +
               (reflectionReminder ? $" I'll still remind you to reflect on it, or you can now with `reflect {name}`." : string.Empty);
    }

    /// <summary>
    /// A 1:1 that ended with no ask and no next step: says when the early check-in the planner gave it comes (read back
    /// from the rows, so the date said is the date planned).
    /// </summary>
    private async Task SayWhenToCheckInAsync(ConversationContext context, Meeting meeting, Reply reply, CancellationToken ct)
    {
        // Saved rows and the ones this sync added or moved, as they stand now.
        await store.FollowUps.Where(f => f.MeetingId == meeting.Id).LoadAsync(ct);
        var checkIn = store.FollowUps.Local
            .Where(f => (f.Meeting == meeting || f.MeetingId == meeting.Id)
                        && f.Kind == FollowUpKind.MaintenanceCheckIn && f.Status == FollowUpStatus.Pending)
            .Min(f => (DateTimeOffset?)f.DueAt);
        if (checkIn is { } due)
        {
            reply.Text($"No ask and no next date this time, so I'll remind you to check in with {meeting.Person.Name} on "
                + $"{Zones.DescribeDate(due, context.Zone, context.Now)}, before the relationship goes quiet.");
        }
    }

    /// <param name="revisitMaybeOn">When a maybe's reminder comes, as the organizer reads dates; null when none comes.</param>
    private static string Summary(Meeting meeting, string name, string? revisitMaybeOn) => meeting.Answer switch
    {
        AskAnswer.Yes => $"{name} said yes: {meeting.Commitment}. Share the details soon and confirm it together.",
        AskAnswer.Maybe when revisitMaybeOn is not null =>
            $"A maybe from {name}. I'll remind you on {revisitMaybeOn} to come back to it, perhaps with an adjusted ask.",
        AskAnswer.Maybe => $"A maybe from {name}. Some days have passed already, so come back to it soon, perhaps with an adjusted ask.",
        AskAnswer.No when meeting.NoReason == NoReason.Date => $"{name} couldn't make that date. I'll remind you to offer another.",
        AskAnswer.No => $"{name} said no to the activity. That's useful to know: what else might fit what they care about?",
        _ => $"Noted your 1:1 with {name}.",
    };
}
