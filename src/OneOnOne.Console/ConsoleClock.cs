using System.Globalization;
using OneOnOne.Core.Time;

namespace OneOnOne.Console;

/// <summary>
/// How the console shows the bot's clock: in this machine's zone, always named, because the bot's own replies
/// use the organizer's zone and the two can differ.
/// </summary>
internal static class ConsoleClock
{
    public static TimeZoneInfo Zone => TimeZoneInfo.Local;

    /// <summary>
    /// "Thu 3 Dec 2026, 08:14 (Europe/Berlin)": with the year, since the simulated date is the whole point
    /// and may be a different year from the real one.
    /// </summary>
    public static string Describe(DateTimeOffset instant) =>
        $"{Zones.ToLocal(instant, Zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({ZoneName(Zone)})";

    /// <summary>The IANA name where there is one (Windows names its zones its own way).</summary>
    private static string ZoneName(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id
        : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana
        : zone.Id;
}
