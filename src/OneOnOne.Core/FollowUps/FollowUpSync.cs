using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// Keeps a meeting's follow-up rows in line with what the planner says should exist now: new ones
/// added, moved ones re-timed, obsolete ones cancelled. Changes are tracked; the caller saves.
/// </summary>
public sealed class FollowUpSync(IOneOnOneStore store, FollowUpPlanner planner)
{
    /// <summary>Re-plans the meeting's follow-ups and says what changed, so a reply can tell the organizer.</summary>
    /// <remarks><see cref="Meeting.Reflections"/> and <see cref="Meeting.Person"/> must be loaded.</remarks>
    public async Task<FollowUpChanges> SyncAsync(Meeting meeting, DateTimeOffset now, CancellationToken ct)
    {
        if (meeting.Status is MeetingStatus.Scheduled or MeetingStatus.Held)
        {
            await CancelOlderCheckInsAsync(meeting, ct);
        }

        var existing = meeting.Id == 0
            ? []
            : await store.FollowUps.Where(f => f.MeetingId == meeting.Id).ToListAsync(ct);

        // Snoozed copies and the nudge to book the next 1:1 are the organizer's own choice; the plan neither
        // counts nor moves them, but a meeting that is off takes them with it.
        if (meeting.Status is MeetingStatus.Cancelled)
        {
            existing.Where(f => f.SnoozedFromId != null && f.IsOpen).ToList()
                .ForEach(f => f.Status = FollowUpStatus.Cancelled);
        }

        var bookNextPlanned = BookNextPlanned(meeting);
        existing = existing.Where(f => f.SnoozedFromId == null && f.Kind != FollowUpKind.BookNextMeeting && !IsFromEarlierSlot(f, meeting)).ToList();
        var zone = await ZoneOfAsync(meeting, ct);
        var facts = MeetingFacts.From(meeting, meeting.Person.Level, await HasNextMeetingAsync(meeting, ct), bookNextPlanned);
        var planned = planner.ForMeeting(facts, now, zone);
        var changes = FollowUpReconciler.Reconcile(existing, planned);

        foreach (var row in changes.ToCancel)
        {
            row.Status = FollowUpStatus.Cancelled;
        }

        // A held row given a new time is planned afresh: when it falls due, the dispatcher decides again.
        foreach (var (row, dueAt) in changes.ToMove)
        {
            row.DueAt = dueAt;
            row.Status = FollowUpStatus.Pending;
            row.PlannedForStart = meeting.StartsAt;
        }

        foreach (var item in changes.ToAdd)
        {
            Add(meeting, item, now);
        }

        return changes;
    }

    /// <summary>
    /// The organizer left the held 1:1 with the next conversation "not yet" fixed: plans the nudge to book it
    /// and hands it back, so the reply can say when it comes. A 1:1 booked with the person withdraws it.
    /// Plan it before <see cref="SyncAsync"/>, which then keeps the check-in at the level's pace.
    /// </summary>
    public PlannedFollowUp PlanBookNext(Meeting meeting, DateTimeOffset now)
    {
        var nudge = planner.BookNext(now);
        Add(meeting, nudge, now);
        return nudge;
    }

    /// <summary>When the reminder to revisit the held meeting's maybe comes; null when there is no maybe, or it was recorded too late for one.</summary>
    public DateTimeOffset? RevisitMaybeAt(Meeting meeting, DateTimeOffset now) =>
        meeting.Answer == AskAnswer.Maybe && (meeting.HeldAt ?? meeting.StartsAt) is { } heldAt
            ? planner.RevisitMaybeAt(heldAt, now)
            : null;

    private void Add(Meeting meeting, PlannedFollowUp planned, DateTimeOffset now) =>
        store.FollowUps.Add(new FollowUp
        {
            OrganizerId = meeting.OrganizerId,
            PersonId = meeting.PersonId,
            Meeting = meeting,
            Kind = planned.Kind,
            DueAt = planned.DueAt,
            PlannedForStart = meeting.StartsAt,
            Status = FollowUpStatus.Pending,
            CreatedAt = now,
        });

    /// <summary>
    /// Whether a nudge to book the next 1:1 was ever planned for this meeting, sent or not: rows just added in this
    /// unit of work count, and so do saved ones, tracked once <see cref="SyncAsync"/> has read the meeting's rows.
    /// </summary>
    private bool BookNextPlanned(Meeting meeting) =>
        store.FollowUps.Local.Any(f => f.Kind == FollowUpKind.BookNextMeeting
                                       && (ReferenceEquals(f.Meeting, meeting) || (meeting.Id != 0 && f.MeetingId == meeting.Id)));

    /// <summary>Whether a later 1:1 with the person is booked or held, which makes this held one's check-in pointless.</summary>
    private async Task<bool> HasNextMeetingAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.Status != MeetingStatus.Held || meeting.Id == 0)
        {
            return false;
        }

        var heldAt = meeting.HeldAt;
        return await store.Meetings.AnyAsync(
            m => m.OrganizerId == meeting.OrganizerId && m.PersonId == meeting.PersonId && m.Id != meeting.Id
                 && (m.Status == MeetingStatus.Scheduled || (m.Status == MeetingStatus.Held && m.HeldAt > heldAt)),
            ct);
    }

    /// <summary>A reminder already sent for the slot the meeting had before it moved.</summary>
    private static bool IsFromEarlierSlot(FollowUp followUp, Meeting meeting) =>
        followUp.Kind is FollowUpKind.PocketGuide or FollowUpKind.DidYouMeet
        && !followUp.IsOpen
        && followUp.PlannedForStart != meeting.StartsAt;

    /// <summary>
    /// The organizer's zone as it stands in this unit of work (a zone change not yet saved counts):
    /// quiet hours are theirs.
    /// </summary>
    private async Task<TimeZoneInfo> ZoneOfAsync(Meeting meeting, CancellationToken ct)
    {
        var organizer = meeting.Organizer is { Team: not null } loaded
            ? loaded
            : await store.Organizers.Include(o => o.Team).SingleAsync(o => o.Id == meeting.OrganizerId, ct);
        return Zones.TryFind(organizer.EffectiveTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// A new 1:1 with the person makes the keep-in-touch check-in planned after an earlier one pointless,
    /// and the nudge to book it done; the newer meeting plans its own.
    /// </summary>
    private async Task CancelOlderCheckInsAsync(Meeting meeting, CancellationToken ct)
    {
        var stale = await store.FollowUps
            .Where(f => f.OrganizerId == meeting.OrganizerId && f.PersonId == meeting.PersonId
                        && (f.Kind == FollowUpKind.MaintenanceCheckIn || f.Kind == FollowUpKind.BookNextMeeting)
                        && (f.Status == FollowUpStatus.Pending || f.Status == FollowUpStatus.Held)
                        && f.MeetingId != meeting.Id)
            .ToListAsync(ct);
        stale.ForEach(f => f.Status = FollowUpStatus.Cancelled);
    }
}
