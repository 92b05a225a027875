using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;

namespace OneOnOne.Scheduling;

/// <summary>
/// When a digest the platform could not take is tried again, and when it is given up. <see cref="Team.NextDigestAt"/>
/// holds the next attempt; the digest that attempt belongs to is the latest digest time at or before it, so a retry
/// needs no state of its own, and a schedule change (which recomputes <see cref="Team.NextDigestAt"/>) ends it.
/// </summary>
public static class DigestRetry
{
    /// <summary>Retries start a few minutes apart and double, up to this: an outage of hours costs a few dozen attempts a day.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Never this close to the next week's digest: by then that one is the news.</summary>
    public static readonly TimeSpan ClearOfNextWeek = TimeSpan.FromHours(1);

    /// <summary>
    /// The digest time an attempt at <paramref name="attemptAt"/> belongs to: itself for a first try, earlier for a
    /// retry. An attempt later than any retry of the digest before it could be (a next time set off the schedule,
    /// say by hand) is a digest time of its own.
    /// </summary>
    public static DateTimeOffset DigestTimeOf(Team team, DateTimeOffset attemptAt, TimeSpan staleAfter)
    {
        // One digest time a week (DST moves it by an hour at most), so eight days back always finds the one before.
        var latest = DigestSchedule.Next(team, attemptAt - TimeSpan.FromDays(8));
        for (var later = DigestSchedule.Next(team, latest); later <= attemptAt; later = DigestSchedule.Next(team, later))
        {
            latest = later;
        }

        return attemptAt <= Deadline(team, latest, staleAfter) ? latest : attemptAt;
    }

    /// <summary>The last moment the digest due at <paramref name="digestTime"/> is still worth posting.</summary>
    public static DateTimeOffset Deadline(Team team, DateTimeOffset digestTime, TimeSpan staleAfter)
    {
        var stale = digestTime + staleAfter;
        var beforeNextWeek = DigestSchedule.Next(team, digestTime) - ClearOfNextWeek;
        return stale < beforeNextWeek ? stale : beforeNextWeek;
    }

    /// <summary>
    /// When to try again after an attempt at <paramref name="failedAt"/> failed: the wait doubles with the time since
    /// the digest was due, from <paramref name="firstWait"/> to <see cref="LongestWait"/>, with a last try at the
    /// deadline; null once the deadline has been tried.
    /// </summary>
    public static DateTimeOffset? After(DateTimeOffset digestTime, DateTimeOffset failedAt, DateTimeOffset deadline, TimeSpan firstWait)
    {
        if (failedAt >= deadline)
        {
            return null;
        }

        var late = failedAt - digestTime;
        var wait = late < firstWait ? firstWait : late > LongestWait ? LongestWait : late;
        var next = failedAt + wait;
        return next < deadline ? next : deadline;
    }
}
