using OneOnOne.Core.Time;

namespace OneOnOne.Core.FollowUps;

/// <summary>Keeps nudges out of the night, in each organizer's own time zone.</summary>
public static class QuietHours
{
    /// <summary>
    /// <paramref name="instant"/> itself when it falls outside quiet hours; otherwise the end of those quiet
    /// hours, as a real instant (DST-safe: the wall-clock end is converted in the zone of that very day).
    /// </summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            return instant;
        }

        var local = Zones.ToLocal(instant, zone);
        var time = TimeOnly.FromDateTime(local);
        var wrapsMidnight = start > end;
        var quiet = wrapsMidnight ? time >= start || time < end : time >= start && time < end;
        if (!quiet)
        {
            return instant;
        }

        var day = wrapsMidnight && time >= start ? local.Date.AddDays(1) : local.Date;
        return Zones.ToUtc(day + end.ToTimeSpan(), zone);
    }

    /// <summary>
    /// <paramref name="instant"/> itself when it falls outside quiet hours; otherwise <paramref name="margin"/>
    /// before those quiet hours began: for a nudge that is useless once its moment has passed (a pocket guide
    /// before an early or late 1:1), coming earlier beats coming after.
    /// </summary>
    public static DateTimeOffset LatestBefore(DateTimeOffset instant, TimeZoneInfo zone, TimeOnly start, TimeOnly end, TimeSpan margin)
    {
        if (NextAllowed(instant, zone, start, end) == instant)
        {
            return instant;
        }

        var local = Zones.ToLocal(instant, zone);
        var startedYesterday = start > end && TimeOnly.FromDateTime(local) < end;
        var day = startedYesterday ? local.Date.AddDays(-1) : local.Date;
        return Zones.ToUtc(day + start.ToTimeSpan(), zone) - margin;
    }
}
