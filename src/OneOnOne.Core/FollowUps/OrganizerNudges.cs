using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// Plans the follow-ups about an organizer's own practice rather than one meeting: the goal-pace check
/// at the middle of their four-week window, and a nudge about people on their list never contacted.
/// Changes are tracked; the caller saves.
/// </summary>
public sealed class OrganizerNudges(IOneOnOneStore store, FollowUpPlanner planner)
{
    /// <summary>
    /// A new goal (or a new number in the same window) replaces the pace check planned before, counting
    /// the 1:1s already held in the window: a lower number may mean the organizer is on pace already.
    /// </summary>
    public async Task PlanGoalPaceAsync(Organizer organizer, DateTimeOffset now, CancellationToken ct)
    {
        await CancelPendingAsync(organizer, FollowUpKind.GoalPace, ct);
        var held = organizer.GoalSetAt is { } setAt
            ? await store.Meetings.CountAsync(m => m.OrganizerId == organizer.Id && m.Status == MeetingStatus.Held
                                                   && m.HeldAt >= setAt && m.HeldAt <= now, ct)
            : 0;
        if (planner.GoalPace(organizer.Goal, organizer.GoalSetAt, held, now) is { } pace)
        {
            Add(organizer, pace, now);
        }
    }

    /// <summary>One pending nudge at a time, timed by whoever has waited longest on the list.</summary>
    public async Task PlanUncontactedAsync(Organizer organizer, DateTimeOffset now, CancellationToken ct)
    {
        if (await store.FollowUps.AnyAsync(f => f.OrganizerId == organizer.Id && f.Kind == FollowUpKind.UncontactedPeople
                                                && (f.Status == FollowUpStatus.Pending || f.Status == FollowUpStatus.Held), ct))
        {
            return;
        }

        var waiting = await NeverContacted(organizer.Id).Select(r => r.AddedAt).ToListAsync(ct);
        if (planner.Uncontacted(waiting, now) is { } nudge)
        {
            Add(organizer, nudge, now);
        }
    }

    /// <summary>Whether a goal-pace or uncontacted-people nudge still has a reason to be sent.</summary>
    public async Task<bool> IsStillNeededAsync(FollowUp followUp, DateTimeOffset now, CancellationToken ct)
    {
        var organizer = followUp.Organizer;
        switch (followUp.Kind)
        {
            case FollowUpKind.GoalPace when organizer is { Goal: { } goal, GoalSetAt: { } setAt }:
                var held = await store.Meetings.CountAsync(m => m.OrganizerId == organizer.Id && m.Status == MeetingStatus.Held
                                                                && m.HeldAt >= setAt && m.HeldAt <= now, ct);
                return held * 2 < goal;
            case FollowUpKind.GoalPace:
                return false;
            case FollowUpKind.UncontactedPeople:
                return await NeverContacted(organizer.Id).AnyAsync(ct);
            default:
                return true;
        }
    }

    private IQueryable<Relationship> NeverContacted(int organizerId) =>
        store.Relationships.Where(r => r.OrganizerId == organizerId && r.OnList
                                       && !store.Meetings.Any(m => m.OrganizerId == organizerId && m.PersonId == r.PersonId));

    private async Task CancelPendingAsync(Organizer organizer, FollowUpKind kind, CancellationToken ct)
    {
        var pending = await store.FollowUps
            .Where(f => f.OrganizerId == organizer.Id && f.Kind == kind && (f.Status == FollowUpStatus.Pending || f.Status == FollowUpStatus.Held))
            .ToListAsync(ct);
        pending.ForEach(f => f.Status = FollowUpStatus.Cancelled);
    }

    private void Add(Organizer organizer, PlannedFollowUp planned, DateTimeOffset now) =>
        store.FollowUps.Add(new FollowUp
        {
            Organizer = organizer,
            Kind = planned.Kind,
            DueAt = planned.DueAt,
            Status = FollowUpStatus.Pending,
            CreatedAt = now,
        });
}
