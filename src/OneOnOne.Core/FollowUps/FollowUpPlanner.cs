using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// Decides which follow-ups should exist, from facts alone: no storage, no clock (DESIGN.md boundary 4).
/// Run it whenever a 1:1 changes state and hand the result to <see cref="FollowUpReconciler"/>.
/// </summary>
/// <remarks>
/// A nudge whose moment has passed (by more than <see cref="FollowUpOptions.LateTolerance"/>) is left
/// out: a stale nudge is worse than none. The exceptions are nudges whose purpose is still ahead or
/// still owed; those are brought forward to <c>now</c> instead:
/// the pocket guide while the meeting has not started, did-you-meet until the outcome is recorded,
/// the commitment confirmation until the commitment is due, the uncontacted nudge while someone waits.
/// </remarks>
public sealed class FollowUpPlanner(FollowUpOptions options)
{
    /// <param name="zone">
    /// The organizer's zone. With it, a pocket guide that would fall in their quiet hours comes before those
    /// hours instead (the evening before a 07:00 1:1); deferred to the morning it would arrive too late.
    /// </param>
    public IReadOnlyList<PlannedFollowUp> ForMeeting(MeetingFacts m, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        var plan = new List<PlannedFollowUp>();
        // Planned (no time yet) and Cancelled meetings owe nobody anything.
        switch (m.Status)
        {
            case MeetingStatus.Scheduled when m.StartsAt is { } start:
                if (start > now)
                    plan.Add(new(FollowUpKind.PocketGuide, OrNow(PocketGuideTime(start, zone), now)));
                // Asked even when the meeting ended long ago: only the organizer can record what happened.
                plan.Add(new(FollowUpKind.DidYouMeet, OrNow(start.AddMinutes(m.DurationMinutes) + options.DidYouMeetDelay, now)));
                break;

            // A held meeting recorded without a time is taken to have been held when it was scheduled.
            case MeetingStatus.Held when (m.HeldAt ?? m.StartsAt) is { } heldAt:
                PlanAfterMeeting(m, heldAt, now, plan);
                break;

            // It did not happen, but the relationship still needs the meeting: treat it like a no to the date.
            case MeetingStatus.Missed when m.EndsAt is { } end:
                AddIfFresh(plan, FollowUpKind.OfferNewDate, end + options.OfferNewDateDelay, now);
                break;
        }

        return [.. plan.OrderBy(p => p.DueAt)];
    }

    /// <summary>
    /// One nudge at the middle of the goal window if the organizer is behind: fewer than half the goal
    /// held so far. The window is the <see cref="FollowUpOptions.GoalWindow"/> from when the goal was
    /// set; setting the goal again starts a new window. Nothing once the midpoint has passed.
    /// Replan when a meeting is held, so reaching half the goal withdraws the nudge.
    /// </summary>
    public PlannedFollowUp? GoalPace(int? goal, DateTimeOffset? goalSetAt, int heldInWindow, DateTimeOffset now)
    {
        if (goal is not > 0 || goalSetAt is null || heldInWindow * 2 >= goal)
            return null;

        var midpoint = goalSetAt.Value + options.GoalWindow / 2;
        return IsStale(midpoint, now) ? null : new(FollowUpKind.GoalPace, midpoint);
    }

    /// <summary>
    /// The nudge to book the next conversation, when the organizer left a 1:1 with it "not yet" fixed.
    /// Planned once, when they say so; it is theirs, so re-planning the meeting leaves it alone.
    /// </summary>
    public PlannedFollowUp BookNext(DateTimeOffset now) => new(FollowUpKind.BookNextMeeting, now + options.BookNextMeetingDelay);

    /// <summary>
    /// When a maybe is revisited: <see cref="FollowUpOptions.RevisitMaybeDelay"/> after the 1:1, or never when
    /// the 1:1 was recorded after that moment had passed.
    /// </summary>
    public DateTimeOffset? RevisitMaybeAt(DateTimeOffset heldAt, DateTimeOffset now)
    {
        var dueAt = heldAt + options.RevisitMaybeDelay;
        return IsStale(dueAt, now) ? null : dueAt;
    }

    /// <summary>
    /// One nudge when the longest-waiting person the organizer has never met has been on the list for
    /// <see cref="FollowUpOptions.UncontactedAfter"/>; due now if they have waited longer already.
    /// </summary>
    public PlannedFollowUp? Uncontacted(IEnumerable<DateTimeOffset> addedAtOfPeopleNeverMet, DateTimeOffset now)
    {
        var waiting = addedAtOfPeopleNeverMet.ToList();
        return waiting.Count == 0
            ? null
            : new(FollowUpKind.UncontactedPeople, OrNow(waiting.Min() + options.UncontactedAfter, now));
    }

    private void PlanAfterMeeting(MeetingFacts m, DateTimeOffset heldAt, DateTimeOffset now, List<PlannedFollowUp> plan)
    {
        if (!m.ReflectionDone)
        {
            AddIfFresh(plan, FollowUpKind.ReflectionPrompt, heldAt + options.ReflectionPromptDelay, now);
            AddIfFresh(plan, FollowUpKind.ReflectionPrompt, heldAt + options.SecondReflectionPromptDelay, now);
        }

        AddIfFresh(plan, FollowUpKind.ThankYou, heldAt + options.ThankYouDelay, now);

        switch (m.Answer)
        {
            case AskAnswer.Yes when m.CommitmentDueAt is { } dueAt && !m.CommitmentDone && dueAt > now:
                var confirm = dueAt - options.ConfirmCommitmentLead;
                if (IsStale(confirm, now))
                    confirm = Min(now + options.ConfirmCommitmentLateDelay, dueAt);
                plan.Add(new(FollowUpKind.ConfirmCommitment, confirm));
                break;
            case AskAnswer.Maybe when RevisitMaybeAt(heldAt, now) is { } revisit:
                plan.Add(new(FollowUpKind.RevisitMaybe, revisit));
                break;
            case AskAnswer.No when m.NoReason == NoReason.Date:
                AddIfFresh(plan, FollowUpKind.OfferNewDate, heldAt + options.OfferNewDateDelay, now);
                break;
        }

        // A booked next 1:1 is the next step; it plans its own reminders and, once held, its own check-in.
        if (!m.NextMeetingBooked)
            AddIfFresh(plan, FollowUpKind.MaintenanceCheckIn, heldAt + CheckInGap(m), now);
    }

    /// <summary>
    /// The level's maintenance pace, except after a 1:1 that ended with no ask and no next step: a relationship
    /// left with nothing to carry it forward is picked up again within two weeks, whatever the level. A "not yet"
    /// to the next conversation is a next step: its nudge to book it comes within the week, and the check-in keeps
    /// the level's pace, there only if the next 1:1 still isn't booked by then (booking it withdraws the check-in).
    /// </summary>
    private TimeSpan CheckInGap(MeetingFacts m)
    {
        var pace = options.MaintenancePace(m.Level);
        return m.Answer is null && !m.BookNextPlanned && options.NoNextStepCheckIn < pace ? options.NoNextStepCheckIn : pace;
    }

    private DateTimeOffset PocketGuideTime(DateTimeOffset start, TimeZoneInfo? zone)
    {
        var due = start - options.PocketGuideLead;
        return zone is null
            ? due
            : QuietHours.LatestBefore(due, zone, options.QuietHoursStart, options.QuietHoursEnd, options.PocketGuideLead);
    }

    private void AddIfFresh(List<PlannedFollowUp> plan, FollowUpKind kind, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (!IsStale(dueAt, now))
            plan.Add(new(kind, dueAt));
    }

    // Within the tolerance a nudge keeps its own time, so a replan does not move a row about to fire.
    private DateTimeOffset OrNow(DateTimeOffset dueAt, DateTimeOffset now) => IsStale(dueAt, now) ? now : dueAt;

    private bool IsStale(DateTimeOffset dueAt, DateTimeOffset now) => dueAt < now - options.LateTolerance;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
