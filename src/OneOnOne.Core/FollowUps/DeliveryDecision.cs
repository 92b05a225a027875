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

    /// <summary>Several nudges went unanswered: ask once whether to pause, instead of sending this one.</summary>
    public sealed record SuggestPause : DeliveryDecision;

    /// <summary>
    /// The rules, in order: nudges off, stale, no longer relevant, quiet hours, unanswered streak.
    /// Pure: everything it needs is passed in. (A paused organizer's follow-ups are not offered at all:
    /// they wait, and whatever grows stale meanwhile is dropped rather than sent in a burst on return.)
    /// </summary>
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
        if (allowed > now)
        {
            return new Defer(allowed);
        }

        if (unansweredInARow >= options.UnansweredBeforePauseSuggestion)
        {
            var alreadyAsked = organizer.PauseSuggestedAt is { } asked && asked > (organizer.LastSeenAt ?? DateTimeOffset.MinValue);
            return alreadyAsked ? new Drop() : new SuggestPause();
        }

        return new Send();
    }
}
