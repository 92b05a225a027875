using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OneOnOne.Core.Time;

/// <summary>
/// Time-zone helpers: finding an organizer's IANA zone and converting between their wall clock and UTC
/// with fixed, documented answers for the DST gap and overlap.
/// </summary>
public static class Zones
{
    // Built once on first use; only consulted when the exact-case lookup fails.
    private static readonly Lazy<Dictionary<string, string>> IdsIgnoringCase = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId)
            .Select(z => z.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Finds a zone by IANA id ("Europe/Berlin"), ignoring case and surrounding spaces.
    /// Windows names, empty input and garbage return false; never throws.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        id = id?.Trim();

        // IANA ids only use these characters. Checking first keeps user text (paths, "..", control
        // characters) away from the platform's file-based lookup.
        if (string.IsNullOrEmpty(id) || id.Length > 64 || id.Contains("..") || id.StartsWith('/')
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone)
            && !(IdsIgnoringCase.Value.TryGetValue(id, out var exactId)
                 && TimeZoneInfo.TryFindSystemTimeZoneById(exactId, out zone)))
        {
            return false;
        }

        // We store zone.Id and promise IANA ids, so a Windows name that .NET mapped for us does not count.
        if (!zone.HasIanaId)
        {
            zone = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Converts a wall-clock time in <paramref name="zone"/> to a UTC instant (offset zero).
    /// A time skipped by spring-forward is moved forward by the gap (02:30 becomes 03:30 when 02:00–03:00 is skipped);
    /// a time that happens twice at fall-back is taken at its first, earlier occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(wall))
        {
            // Read the skipped time with the offset in force before the jump; that lands it
            // gap-length later on the new clock. A day earlier is safely before the transition.
            offset = zone.GetUtcOffset(wall.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(wall))
        {
            // The first occurrence is the one with the larger offset (still on summer time).
            offset = zone.GetAmbiguousTimeOffsets(wall).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(wall);
        }

        return new DateTimeOffset(wall - offset, TimeSpan.Zero);
    }

    /// <summary>The wall-clock time of <paramref name="instant"/> in <paramref name="zone"/>, Kind Unspecified.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>How far from now a date may be and still be shown without its year (same year only).</summary>
    private static readonly TimeSpan YearlessReach = TimeSpan.FromDays(183);

    /// <summary>
    /// A short form for chat messages, e.g. "Tue 1 Dec, 18:30" (English names, 24-hour clock). The year is added,
    /// "Fri 1 Jan 2027, 09:00", when the day is in another year than <paramref name="now"/>, or more than about six
    /// months from it, so a date a year off can never pass for a near one.
    /// </summary>
    public static string Describe(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now) =>
        DescribeLocal(ToLocal(instant, zone), ToLocal(now, zone));

    /// <summary>Just the day, e.g. "Tue 1 Dec", with the year under the same rule as <see cref="Describe(DateTimeOffset, TimeZoneInfo, DateTimeOffset)"/>.</summary>
    public static string DescribeDate(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now) =>
        DescribeLocalDate(ToLocal(instant, zone), ToLocal(now, zone));

    /// <summary><see cref="Describe(DateTimeOffset, TimeZoneInfo, DateTimeOffset)"/> for a wall-clock time and wall-clock now.</summary>
    public static string DescribeLocal(DateTime local, DateTime localNow) =>
        local.ToString(ShowsYear(local, localNow) ? "ddd d MMM yyyy, HH:mm" : "ddd d MMM, HH:mm", CultureInfo.InvariantCulture);

    /// <summary><see cref="DescribeDate(DateTimeOffset, TimeZoneInfo, DateTimeOffset)"/> for a wall-clock date and wall-clock now.</summary>
    public static string DescribeLocalDate(DateTime local, DateTime localNow) =>
        local.ToString(ShowsYear(local, localNow) ? "ddd d MMM yyyy" : "ddd d MMM", CultureInfo.InvariantCulture);

    private static bool ShowsYear(DateTime local, DateTime localNow) =>
        local.Year != localNow.Year || (local.Date - localNow.Date).Duration() > YearlessReach;
}
