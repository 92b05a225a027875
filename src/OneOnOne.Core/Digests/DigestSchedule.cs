using OneOnOne.Core.Domain;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Digests;

/// <summary>When a team's weekly digest is due, in the team's own time.</summary>
public static class DigestSchedule
{
    /// <summary>The first digest time strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(Team team, DateTimeOffset after)
    {
        var zone = ZoneOf(team);
        var localAfter = Zones.ToLocal(after, zone);
        for (var day = 0; day <= 7; day++)
        {
            var date = localAfter.Date.AddDays(day);
            if (date.DayOfWeek != team.DigestDay)
            {
                continue;
            }

            var candidate = Zones.ToUtc(date + team.DigestTime.ToTimeSpan(), zone);
            if (candidate > after)
            {
                return candidate;
            }
        }

        return Zones.ToUtc(localAfter.Date.AddDays(14) + team.DigestTime.ToTimeSpan(), zone);
    }

    /// <summary>The zone the digest time is kept in: its own if set, else the team's (UTC if neither is known).</summary>
    public static TimeZoneInfo ZoneOf(Team team) =>
        Zones.TryFind(team.DigestTimeZone ?? team.TimeZone, out var found) ? found : TimeZoneInfo.Utc;

    /// <summary>
    /// "Mondays at 09:00 (Europe/Berlin)": labelled with the zone the times are actually computed in (see
    /// <see cref="ZoneOf"/>), never with a stored name that no longer resolves to it.
    /// </summary>
    public static string Describe(Team team) =>
        $"{team.DigestDay}s at {team.DigestTime:HH\\:mm} ({ZoneOf(team).Id})";
}
