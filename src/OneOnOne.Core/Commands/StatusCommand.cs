using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary><c>status</c>: goal progress, upcoming 1:1s, open commitments, and reminders coming up or held, each with its reference.</summary>
public sealed class StatusCommand(IOneOnOneStore store, GoalCommand goal, FlowRunner runner) : ICommand
{
    private const int ShownFollowUps = 8;

    /// <summary>How long a reminder that may not have arrived is mentioned: after a week, getting it again won't help.</summary>
    private static readonly TimeSpan UnconfirmedShownFor = TimeSpan.FromDays(7);

    public string Name => "status";

    public CommandHelp Help { get; } = new(11, "status", "Your goal, upcoming 1:1s, open commitments and follow-ups", "status");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var me = context.Organizer.Id;
        var zone = context.Zone;
        var reply = new Reply().Header("Where you are").Text("Goal: " + await goal.DescribeAsync(context, ct));

        var scheduled = await store.Meetings.Include(m => m.Person)
            .Where(m => m.OrganizerId == me && m.Status == MeetingStatus.Scheduled)
            .OrderBy(m => m.StartsAt)
            .ToListAsync(ct);
        var upcoming = scheduled.Where(m => m.EndsAt > context.Now).ToList();
        var awaiting = scheduled.Except(upcoming).ToList();
        reply.Text(upcoming.Count == 0
            ? "Upcoming 1:1s: none scheduled. `schedule <name> <when>` sets one up."
            : "Upcoming 1:1s:\n" + string.Join('\n', upcoming.Select(m =>
                $"• {Zones.Describe(m.StartsAt!.Value, zone, context.Now)}: {m.Person.Name}{(m.Place is null ? string.Empty : $" at {m.Place}")}" +
                (m.Prep.CompletedAt is null ? " (not prepared yet)" : string.Empty))));
        if (awaiting.Count > 0)
        {
            reply.Text("Did these happen? Tell me with `met <name>`:\n" + string.Join('\n', awaiting.Select(m =>
                $"• {m.Person.Name}, {Zones.Describe(m.StartsAt!.Value, zone, context.Now)}")));
        }

        var commitments = await store.Meetings.Include(m => m.Person)
            .Where(m => m.OrganizerId == me && m.Commitment != null && m.CommitmentDoneAt == null)
            .OrderBy(m => m.CommitmentDueAt)
            .ToListAsync(ct);
        if (commitments.Count > 0)
        {
            reply.Text("Open commitments:\n" + string.Join('\n', commitments.Select(m =>
                $"• {m.Person.Name}: {m.Commitment}" +
                (m.CommitmentDueAt is { } due ? $" (by {Zones.DescribeDate(due, zone, context.Now)})" : string.Empty))));
        }

        var followUps = await store.FollowUps.Include(f => f.Person).Include(f => f.Meeting).ThenInclude(m => m!.Person)
            .Where(f => f.OrganizerId == me && f.Status == FollowUpStatus.Pending)
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id)
            .Take(ShownFollowUps + 1)
            .ToListAsync(ct);
        var held = await store.FollowUps.Include(f => f.Person).Include(f => f.Meeting).ThenInclude(m => m!.Person)
            .Where(f => f.OrganizerId == me && f.Status == FollowUpStatus.Held)
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id)
            .ToListAsync(ct);
        reply.Text(followUps.Count == 0
            ? "Follow-ups: nothing pending."
            : "Follow-ups coming up:\n" + string.Join('\n', followUps.Take(ShownFollowUps).Select(f =>
                $"• {Zones.Describe(f.DueAt, zone, context.Now)}: {FollowUpTitle.WithReference(f)}"))
              + (followUps.Count > ShownFollowUps ? "\n• …and more" : string.Empty));
        if (held.Count > 0)
        {
            reply.Append(Held(context, held));
        }

        var shownSince = context.Now - UnconfirmedShownFor;
        var unconfirmed = await store.FollowUps.Include(f => f.Person).Include(f => f.Meeting).ThenInclude(m => m!.Person)
            .Where(f => f.OrganizerId == me && f.Status == FollowUpStatus.Unconfirmed && f.ClaimedAt >= shownSince)
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id)
            .ToListAsync(ct);
        if (unconfirmed.Count > 0)
        {
            reply.Text(Unconfirmed(context, unconfirmed));
        }

        if (await runner.FindActiveAsync(me, ct) is { } active)
        {
            reply.Text("You have questions waiting for you:").Append(await runner.RepeatAsync(active, ct));
        }

        return reply;
    }

    /// <summary>
    /// Reminders the bot was stopped in the middle of sending: each is sent at most once, so it is not sent again
    /// unless the organizer asks, and nothing pretends it arrived.
    /// </summary>
    private static string Unconfirmed(ConversationContext context, IReadOnlyList<FollowUp> unconfirmed)
    {
        var example = $"`followup {unconfirmed[0].Id} snooze-day`";
        var howToGetAgain = unconfirmed.Count == 1
            ? $"If it didn't arrive, {example} brings it back tomorrow."
            : $"If one didn't arrive, `followup <number> snooze-day` brings it back tomorrow (for example {example}).";
        return (unconfirmed.Count == 1 ? "This reminder" : "These reminders") +
               " may not have reached you: I was stopped while sending, so I can't tell.\n" +
               string.Join('\n', unconfirmed.Select(f => $"• {FollowUpTitle.WithReference(f)}, due {Zones.Describe(f.DueAt, context.Zone, context.Now)}")) +
               "\n" + howToGetAgain;
    }

    /// <summary>
    /// Reminders that fell due after the pause question. Any answer ends the hold (this <c>status</c> too),
    /// so they are on their way unless the organizer pauses; the choices are offered again.
    /// </summary>
    private static Reply Held(ConversationContext context, IReadOnlyList<FollowUp> held)
    {
        var asked = context.Organizer.PauseSuggestedAt is { } at ? $" ({Zones.Describe(at, context.Zone, context.Now)})" : string.Empty;
        var why = DeliveryDecision.IsWaitingForAnswer(context.Organizer)
            ? "held until you answer: pause, keep them coming, or turn them off"
            : "now that you're back they'll come in a moment, unless you'd rather pause them";
        return Reply.WithText($"Held since I asked whether to pause{asked}; {why}:\n" + string.Join('\n', held.Select(f =>
                $"• {FollowUpTitle.WithReference(f)}, due {Zones.Describe(f.DueAt, context.Zone, context.Now)}")))
            .Buttons(PauseQuestion.Choices(keepThemComing: DeliveryDecision.IsWaitingForAnswer(context.Organizer)));
    }
}
