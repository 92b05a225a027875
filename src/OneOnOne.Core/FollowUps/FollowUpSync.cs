using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// Keeps a meeting's follow-up rows in line with what the planner says should exist now: new ones
/// added, moved ones re-timed, obsolete ones cancelled. Changes are tracked; the caller saves.
/// </summary>
public sealed class FollowUpSync(IOneOnOneStore store, FollowUpPlanner planner)
{
    /// <remarks><see cref="Meeting.Reflections"/> and <see cref="Meeting.Person"/> must be loaded.</remarks>
    public async Task SyncAsync(Meeting meeting, DateTimeOffset now, CancellationToken ct)
    {
        if (meeting.Status is MeetingStatus.Scheduled or MeetingStatus.Held)
        {
            await CancelOlderCheckInsAsync(meeting, ct);
        }

        var existing = meeting.Id == 0
            ? []
            : await store.FollowUps.Where(f => f.MeetingId == meeting.Id).ToListAsync(ct);

        // Snoozed copies are the organizer's own choice; the plan neither counts nor moves them,
        // but a meeting that is off takes them with it.
        if (meeting.Status is MeetingStatus.Cancelled)
        {
            existing.Where(f => f.SnoozedFromId != null && f.Status == FollowUpStatus.Pending).ToList()
                .ForEach(f => f.Status = FollowUpStatus.Cancelled);
        }

        existing = existing.Where(f => f.SnoozedFromId == null && !IsFromEarlierSlot(f, meeting)).ToList();
        var planned = planner.ForMeeting(MeetingFacts.From(meeting, meeting.Person.Level), now);
        var changes = FollowUpReconciler.Reconcile(existing, planned);

        foreach (var row in changes.ToCancel)
        {
            row.Status = FollowUpStatus.Cancelled;
        }

        foreach (var (row, dueAt) in changes.ToMove)
        {
            row.DueAt = dueAt;
            row.PlannedForStart = meeting.StartsAt;
        }

        foreach (var item in changes.ToAdd)
        {
            store.FollowUps.Add(new FollowUp
            {
                OrganizerId = meeting.OrganizerId,
                PersonId = meeting.PersonId,
                Meeting = meeting,
                Kind = item.Kind,
                DueAt = item.DueAt,
                PlannedForStart = meeting.StartsAt,
                Status = FollowUpStatus.Pending,
                CreatedAt = now,
            });
        }
    }

    /// <summary>A reminder already sent for the slot the meeting had before it moved.</summary>
    private static bool IsFromEarlierSlot(FollowUp followUp, Meeting meeting) =>
        followUp.Kind is FollowUpKind.PocketGuide or FollowUpKind.DidYouMeet
        && followUp.Status != FollowUpStatus.Pending
        && followUp.PlannedForStart != meeting.StartsAt;

    /// <summary>
    /// A new 1:1 with the person makes the keep-in-touch check-in planned after an earlier one pointless;
    /// the newer meeting plans its own.
    /// </summary>
    private async Task CancelOlderCheckInsAsync(Meeting meeting, CancellationToken ct)
    {
        var stale = await store.FollowUps
            .Where(f => f.OrganizerId == meeting.OrganizerId && f.PersonId == meeting.PersonId
                        && f.Kind == FollowUpKind.MaintenanceCheckIn && f.Status == FollowUpStatus.Pending
                        && f.MeetingId != meeting.Id)
            .ToListAsync(ct);
        stale.ForEach(f => f.Status = FollowUpStatus.Cancelled);
    }
}
