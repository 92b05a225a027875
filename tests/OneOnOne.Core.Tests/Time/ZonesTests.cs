using System.Globalization;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Tests.Time;

public class ZonesTests
{
    private static TimeZoneInfo Zone(string id)
    {
        Assert.True(Zones.TryFind(id, out var zone), id);
        return zone;
    }

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    // ---- TryFind ----

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("EUROPE/BERLIN", "Europe/Berlin")]
    [InlineData("  Europe/Berlin ", "Europe/Berlin")]
    [InlineData("America/New_York", "America/New_York")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+5", "Etc/GMT+5")]
    [InlineData("UTC", "UTC")]
    [InlineData("utc", "UTC")]
    public void TryFind_accepts_iana_ids_ignoring_case(string id, string expectedId)
    {
        Assert.True(Zones.TryFind(id, out var zone));
        Assert.Equal(expectedId, zone.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Berlinn")]
    [InlineData("Europe/")]
    [InlineData("/")]
    [InlineData("Europe\\Berlin")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/../Europe/Berlin")]
    [InlineData("/etc/localtime")]
    [InlineData("/usr/share/zoneinfo/Europe/Berlin")]
    [InlineData("Europe/Berlin\0")]
    [InlineData("Europe/Berlin; DROP TABLE")]
    [InlineData("W. Europe Standard Time")] // a Windows name, not an IANA id
    [InlineData("Eastern Standard Time")]
    [InlineData("zone.tab")]
    [InlineData("+01:00")]
    [InlineData("🕰️")]
    public void TryFind_rejects_unknown_and_garbage_ids(string? id)
    {
        Assert.False(Zones.TryFind(id!, out var zone));
        Assert.Null(zone);
    }

    [Fact]
    public void TryFind_rejects_very_long_ids()
    {
        Assert.False(Zones.TryFind(new string('a', 10_000), out _));
        Assert.False(Zones.TryFind("Europe/" + new string('B', 300), out _));
    }

    // ---- ToUtc / ToLocal outside transitions ----

    [Theory]
    [InlineData("Europe/Berlin", "2026-07-01 12:00", "2026-07-01 10:00")]    // CEST, +2
    [InlineData("Europe/Berlin", "2026-12-01 18:30", "2026-12-01 17:30")]    // CET, +1
    [InlineData("America/New_York", "2026-07-01 12:00", "2026-07-01 16:00")] // EDT, -4
    [InlineData("America/New_York", "2026-12-01 18:30", "2026-12-01 23:30")] // EST, -5, next day not yet
    [InlineData("America/New_York", "2026-12-01 21:15", "2026-12-02 02:15")] // crosses midnight UTC
    [InlineData("UTC", "2026-12-01 18:30", "2026-12-01 18:30")]
    public void ToUtc_ordinary_times(string zoneId, string local, string expectedUtc)
    {
        var result = Zones.ToUtc(D(local), Zone(zoneId));

        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.Equal(D(expectedUtc), result.DateTime);
    }

    [Fact]
    public void ToUtc_ignores_the_kind_of_the_input()
    {
        var berlin = Zone("Europe/Berlin");
        var wall = new DateTime(2026, 12, 1, 18, 30, 0);
        var expected = Utc(2026, 12, 1, 17, 30);

        Assert.Equal(expected, Zones.ToUtc(wall, berlin));
        Assert.Equal(expected, Zones.ToUtc(DateTime.SpecifyKind(wall, DateTimeKind.Utc), berlin));
        Assert.Equal(expected, Zones.ToUtc(DateTime.SpecifyKind(wall, DateTimeKind.Local), berlin));
    }

    [Fact]
    public void ToLocal_returns_an_unspecified_wall_clock_time()
    {
        var local = Zones.ToLocal(Utc(2026, 12, 1, 17, 30), Zone("Europe/Berlin"));

        Assert.Equal(new DateTime(2026, 12, 1, 18, 30, 0), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }

    [Fact]
    public void ToLocal_accepts_instants_with_any_offset()
    {
        var instant = new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.FromHours(-5));
        Assert.Equal(new DateTime(2026, 12, 1, 18, 30, 0), Zones.ToLocal(instant, Zone("Europe/Berlin")));
    }

    // ---- DST gap: the wall-clock hour that doesn't exist ----

    [Theory]
    // EU 2026-03-29: 02:00 CET jumps to 03:00 CEST.
    [InlineData("Europe/Berlin", "2026-03-29 01:59", "2026-03-29 00:59", "2026-03-29 01:59")] // just before
    [InlineData("Europe/Berlin", "2026-03-29 02:00", "2026-03-29 01:00", "2026-03-29 03:00")]
    [InlineData("Europe/Berlin", "2026-03-29 02:30", "2026-03-29 01:30", "2026-03-29 03:30")]
    [InlineData("Europe/Berlin", "2026-03-29 02:59", "2026-03-29 01:59", "2026-03-29 03:59")]
    [InlineData("Europe/Berlin", "2026-03-29 03:00", "2026-03-29 01:00", "2026-03-29 03:00")] // just after
    [InlineData("Europe/Berlin", "2026-03-29 03:30", "2026-03-29 01:30", "2026-03-29 03:30")]
    // US 2026-03-08: 02:00 EST jumps to 03:00 EDT.
    [InlineData("America/New_York", "2026-03-08 01:59", "2026-03-08 06:59", "2026-03-08 01:59")]
    [InlineData("America/New_York", "2026-03-08 02:00", "2026-03-08 07:00", "2026-03-08 03:00")]
    [InlineData("America/New_York", "2026-03-08 02:30", "2026-03-08 07:30", "2026-03-08 03:30")]
    [InlineData("America/New_York", "2026-03-08 03:00", "2026-03-08 07:00", "2026-03-08 03:00")]
    // Southern hemisphere, 2026-10-04: Sydney skips 02:00-03:00; Lord Howe skips only 02:00-02:30.
    [InlineData("Australia/Sydney", "2026-10-04 02:30", "2026-10-03 16:30", "2026-10-04 03:30")]
    [InlineData("Australia/Lord_Howe", "2026-10-04 02:15", "2026-10-03 15:45", "2026-10-04 02:45")]
    public void ToUtc_moves_times_in_the_spring_gap_forward_by_the_gap(
        string zoneId, string local, string expectedUtc, string expectedWallClockAfter)
    {
        var zone = Zone(zoneId);
        var utc = Zones.ToUtc(D(local), zone);

        Assert.Equal(D(expectedUtc), utc.DateTime);
        Assert.Equal(D(expectedWallClockAfter), Zones.ToLocal(utc, zone));
    }

    // ---- DST overlap: the wall-clock hour that happens twice ----

    [Theory]
    // EU 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:xx happens twice.
    [InlineData("Europe/Berlin", "2026-10-25 01:59", "2026-10-24 23:59")]
    [InlineData("Europe/Berlin", "2026-10-25 02:00", "2026-10-25 00:00")] // first 02:00, CEST
    [InlineData("Europe/Berlin", "2026-10-25 02:30", "2026-10-25 00:30")]
    [InlineData("Europe/Berlin", "2026-10-25 02:59", "2026-10-25 00:59")]
    [InlineData("Europe/Berlin", "2026-10-25 03:00", "2026-10-25 02:00")] // CET from here
    // US 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:xx happens twice.
    [InlineData("America/New_York", "2026-11-01 00:59", "2026-11-01 04:59")]
    [InlineData("America/New_York", "2026-11-01 01:00", "2026-11-01 05:00")] // first 01:00, EDT
    [InlineData("America/New_York", "2026-11-01 01:30", "2026-11-01 05:30")]
    [InlineData("America/New_York", "2026-11-01 02:00", "2026-11-01 07:00")] // EST from here
    public void ToUtc_takes_the_first_occurrence_of_an_ambiguous_time(string zoneId, string local, string expectedUtc)
    {
        var zone = Zone(zoneId);
        var utc = Zones.ToUtc(D(local), zone);

        Assert.Equal(D(expectedUtc), utc.DateTime);
        Assert.Equal(D(local), Zones.ToLocal(utc, zone));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-10-25 00:30", "2026-10-25 02:30")] // first 02:30 (CEST)
    [InlineData("Europe/Berlin", "2026-10-25 01:30", "2026-10-25 02:30")] // second 02:30 (CET)
    [InlineData("America/New_York", "2026-11-01 05:30", "2026-11-01 01:30")]
    [InlineData("America/New_York", "2026-11-01 06:30", "2026-11-01 01:30")]
    [InlineData("Europe/Berlin", "2026-03-29 00:59", "2026-03-29 01:59")]
    [InlineData("Europe/Berlin", "2026-03-29 01:00", "2026-03-29 03:00")]
    public void ToLocal_around_transitions(string zoneId, string utc, string expectedLocal)
    {
        var instant = new DateTimeOffset(D(utc), TimeSpan.Zero);
        Assert.Equal(D(expectedLocal), Zones.ToLocal(instant, Zone(zoneId)));
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]     // southern hemisphere: transitions the other way round
    [InlineData("Australia/Lord_Howe")]  // 30-minute DST shift
    [InlineData("Asia/Kolkata")]
    public void Every_valid_wall_time_in_2026_round_trips(string zoneId)
    {
        var zone = Zone(zoneId);
        for (var wall = new DateTime(2026, 1, 1); wall.Year == 2026; wall = wall.AddMinutes(15))
        {
            var utc = Zones.ToUtc(wall, zone);
            var back = Zones.ToLocal(utc, zone);
            if (zone.IsInvalidTime(wall))
            {
                Assert.True(back > wall, $"{zoneId} {wall:s} -> {back:s}");
            }
            else
            {
                Assert.Equal(wall, back);
            }
        }
    }

    // ---- Describe ----

    [Theory]
    [InlineData("Europe/Berlin", "2026-12-01 17:30", "Tue 1 Dec, 18:30")]
    [InlineData("America/New_York", "2026-12-02 03:00", "Tue 1 Dec, 22:00")]
    [InlineData("Europe/Berlin", "2026-11-26 08:05", "Thu 26 Nov, 09:05")]
    [InlineData("Europe/Berlin", "2026-12-31 23:00", "Fri 1 Jan, 00:00")]
    [InlineData("UTC", "2026-05-03 00:00", "Sun 3 May, 00:00")]
    public void Describe_is_short_english_and_24_hour(string zoneId, string utc, string expected)
    {
        var instant = new DateTimeOffset(D(utc), TimeSpan.Zero);
        Assert.Equal(expected, Zones.Describe(instant, Zone(zoneId), now: instant));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-12-01 17:30", "Tue 1 Dec")]
    [InlineData("America/New_York", "2026-12-02 03:00", "Tue 1 Dec")]
    [InlineData("Europe/Berlin", "2026-12-31 23:00", "Fri 1 Jan")]
    public void DescribeDate_is_the_day_in_that_zone(string zoneId, string utc, string expected)
    {
        var instant = new DateTimeOffset(D(utc), TimeSpan.Zero);
        Assert.Equal(expected, Zones.DescribeDate(instant, Zone(zoneId), now: instant));
    }

    [Theory]
    [InlineData("2026-12-29 15:00", "2027-01-01 23:00", "Fri 1 Jan 2027, 18:00")] // next year, three days ahead
    [InlineData("2026-12-29 15:00", "2026-12-31 23:00", "Thu 31 Dec, 18:00")]
    [InlineData("2027-01-02 15:00", "2026-12-31 23:00", "Thu 31 Dec 2026, 18:00")] // last year, two days back
    [InlineData("2026-12-03 15:00", "2027-12-01 23:00", "Wed 1 Dec 2027, 18:00")]
    [InlineData("2026-01-05 15:00", "2026-06-30 22:00", "Tue 30 Jun, 18:00")]      // same year, under six months
    [InlineData("2026-01-05 15:00", "2026-12-20 23:00", "Sun 20 Dec 2026, 18:00")] // same year, but far ahead
    [InlineData("2026-12-20 15:00", "2026-02-01 23:00", "Sun 1 Feb 2026, 18:00")]  // same year, but far back
    public void Describe_shows_the_year_when_it_is_another_year_or_far_away(string nowUtc, string utc, string expected)
    {
        var zone = Zone("America/New_York");
        var now = new DateTimeOffset(D(nowUtc), TimeSpan.Zero);
        var instant = new DateTimeOffset(D(utc), TimeSpan.Zero);
        Assert.Equal(expected, Zones.Describe(instant, zone, now));
        Assert.Equal(expected[..expected.IndexOf(',', StringComparison.Ordinal)], Zones.DescribeDate(instant, zone, now));
    }

    [Fact]
    public void The_year_is_decided_on_the_local_calendar_not_in_utc()
    {
        // 1 Jan 2027 03:00 UTC is still New Year's Eve in New York: no year, even though UTC has moved on.
        var now = Utc(2026, 12, 31, 12, 0);
        Assert.Equal("Thu 31 Dec, 22:00", Zones.Describe(Utc(2027, 1, 1, 3, 0), Zone("America/New_York"), now));
        Assert.Equal("Fri 1 Jan 2027, 04:00", Zones.Describe(Utc(2027, 1, 1, 3, 0), Zone("Europe/Berlin"), now));
    }

    [Fact]
    public void Describe_does_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var instant = Utc(2026, 12, 1, 17, 30);
            Assert.Equal("Tue 1 Dec, 18:30", Zones.Describe(instant, Zone("Europe/Berlin"), now: instant));
            Assert.Equal("Tue 1 Dec", Zones.DescribeDate(instant, Zone("Europe/Berlin"), now: instant));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void WhenParser_and_Zones_together_schedule_across_a_transition()
    {
        // Organizer in Berlin on Sat 24 Oct 2026 says "tomorrow 2:30am": the first 02:30 of fall-back.
        var berlin = Zone("Europe/Berlin");
        var now = Zones.ToLocal(Utc(2026, 10, 24, 8, 0), berlin);
        Assert.True(WhenParser.TryParse("tomorrow 2:30am", now, out var local));

        var instant = Zones.ToUtc(local, berlin);
        Assert.Equal(Utc(2026, 10, 25, 0, 30), instant);
        Assert.Equal("Sun 25 Oct, 02:30", Zones.Describe(instant, berlin, now: instant));
    }

    private static DateTime D(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
