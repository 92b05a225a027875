using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>What to do with a follow-up that has fallen due.</summary>
public abstract record DeliveryDecision
{
    public sealed record Send : DeliveryDecision;

    /// <summary>Not now (quiet hours): try again at <paramref name="At"/>.</summary>
    public sealed record Defer(DateTimeOffset At) : DeliveryDecision;

    /// <summary>Too late to be useful, or nudges are off: dropped, and counted in the digest.</summary>
    public sealed record Drop : DeliveryDecision;

    /// <summary>No longer makes sense (the meeting moved on): cancelled quietly.</summary>
    public sealed record Cancel : DeliveryDecision;

    /// <summary>Several nudges went unanswered: ask once whether to pause, and hold this one until they answer.</summary>
    public sealed record SuggestPause : DeliveryDecision;

    /// <summary>
    /// The bot has asked whether to pause and the organizer hasn't answered yet: keep it, unsent, until
    /// they say or press anything. Then it is due again (or cancelled, if it no longer makes sense).
    /// </summary>
    public sealed record Hold : DeliveryDecision;

    /// <summary>
    /// The rules, in order: nudges off, stale, no longer relevant, quiet hours, unanswered streak.
    /// Pure: everything it needs is passed in. (A paused organizer's follow-ups are not offered at all:
    /// they wait, and whatever grows stale meanwhile is dropped rather than sent in a burst on return.)
    /// </summary>
    /// <remarks>
    /// Quiet hours give way for one kind: a pocket guide whose 1:1 starts before they end. It is planned
    /// ahead of quiet hours (<see cref="FollowUpPlanner"/>); one that still falls in them (the 1:1 was booked
    /// late at night) goes now, since in the morning it would be cancelled as too late, and the organizer
    /// has a 1:1 to be up for.
    /// </remarks>
    public static DeliveryDecision For(
        FollowUp followUp, Organizer organizer, int unansweredInARow, DateTimeOffset now, TimeZoneInfo zone, FollowUpOptions options)
    {
        if (organizer.NudgesOff || now - followUp.DueAt > options.StaleAfter)
        {
            return new Drop();
        }

        if (!FollowUpRelevance.IsRelevant(followUp, now))
        {
            return new Cancel();
        }

        var allowed = QuietHours.NextAllowed(now, zone, options.QuietHoursStart, options.QuietHoursEnd);
        if (allowed > now && !WouldMissItsMeeting(followUp, allowed))
        {
            return new Defer(allowed);
        }

        if (IsWaitingForAnswer(organizer))
        {
            return new Hold();
        }

        return unansweredInARow >= options.UnansweredBeforePauseSuggestion ? new SuggestPause() : new Send();
    }

    /// <summary>The bot asked "pause for a while?" and the organizer has said or pressed nothing since.</summary>
    public static bool IsWaitingForAnswer(Organizer organizer) =>
        organizer.PauseSuggestedAt is { } asked && asked > (organizer.LastSeenAt ?? DateTimeOffset.MinValue);

    private static bool WouldMissItsMeeting(FollowUp followUp, DateTimeOffset deferredTo) =>
        followUp.Kind == FollowUpKind.PocketGuide && followUp.Meeting?.StartsAt is { } start && deferredTo >= start;
}
