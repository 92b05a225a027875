using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Meetings;

/// <summary>
/// The times to offer as buttons when an organizer gave a day without a time: the clock times of their recent 1:1s,
/// most frequent first, else a few that suit most volunteers; never one that has already passed.
/// </summary>
public sealed class UsualTimes(IOneOnOneStore store)
{
    public const int MaxOffered = 4;

    /// <summary>How many recent 1:1s say what the organizer's usual times are.</summary>
    private const int Recent = 20;

    /// <summary>Times that suit most volunteers, by the part of the day said ("monday morning").</summary>
    private static readonly IReadOnlyDictionary<DayPart, TimeOnly[]> Defaults = new Dictionary<DayPart, TimeOnly[]>
    {
        [DayPart.None] = [new(12, 0), new(17, 30), new(18, 30)],
        [DayPart.Morning] = [new(8, 0), new(9, 0), new(10, 0)],
        [DayPart.Afternoon] = [new(12, 30), new(14, 0), new(16, 0)],
        [DayPart.Evening] = [new(18, 0), new(18, 30), new(19, 0)],
    };

    public async Task<IReadOnlyList<TimeOnly>> OnAsync(int organizerId, TimeZoneInfo zone, ParsedDay day, DateTime localNow, CancellationToken ct)
    {
        var starts = await store.Meetings
            .Where(m => m.OrganizerId == organizerId && m.StartsAt != null
                        && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.Held))
            .Select(m => m.StartsAt!.Value)
            .ToListAsync(ct);

        bool Open(TimeOnly time) => day.Fits(time) && day.Date.ToDateTime(time) > localNow;

        var usual = starts
            .OrderByDescending(s => s)
            .Take(Recent)
            .Select(s => TimeOnly.FromDateTime(Zones.ToLocal(s, zone)))
            .CountBy(t => t)
            .OrderByDescending(t => t.Value)
            .Select(t => t.Key)
            .Where(Open)
            .Take(MaxOffered)
            .ToList();
        return usual.Count > 0 ? usual : Defaults[day.Part].Where(Open).ToList();
    }
}
