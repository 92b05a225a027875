using OneOnOne.Core.FollowUps;

namespace OneOnOne.Core.Tests.FollowUps;

public sealed class QuietHoursTests
{
    private static readonly TimeOnly Start = new(21, 0);
    private static readonly TimeOnly End = new(8, 0);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void A_daytime_instant_passes_through()
    {
        var at = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero); // 10:00 in New York
        Assert.Equal(at, QuietHours.NextAllowed(at, NewYork, Start, End));
    }

    [Fact]
    public void A_late_evening_nudge_moves_to_eight_the_next_morning()
    {
        var at = new DateTimeOffset(2026, 11, 28, 3, 30, 0, TimeSpan.Zero); // 22:30 on the 27th in New York
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero), QuietHours.NextAllowed(at, NewYork, Start, End));
    }

    [Fact]
    public void An_early_morning_nudge_moves_to_eight_the_same_morning()
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero); // 05:00 in New York
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero), QuietHours.NextAllowed(at, NewYork, Start, End));
    }

    [Fact]
    public void The_night_the_clocks_go_back_still_ends_at_eight_local_time()
    {
        // New York falls back at 02:00 on 1 November 2026: 08:00 that morning is 13:00 UTC, not 12:00.
        var at = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero); // 22:00 EDT on 31 October
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), QuietHours.NextAllowed(at, NewYork, Start, End));
    }

    [Fact]
    public void The_night_the_clocks_go_forward_still_ends_at_eight_local_time()
    {
        // Berlin springs forward at 02:00 on 29 March 2026: 08:00 CEST is 06:00 UTC.
        var at = new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero); // 23:00 CET
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), QuietHours.NextAllowed(at, Berlin, Start, End));
    }

    [Fact]
    public void Quiet_hours_that_do_not_wrap_midnight_work_too()
    {
        var at = new DateTimeOffset(2026, 11, 27, 18, 30, 0, TimeSpan.Zero); // 13:30 in New York
        var lunch = QuietHours.NextAllowed(at, NewYork, new TimeOnly(12, 0), new TimeOnly(14, 0));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero), lunch);
    }

    [Fact]
    public void Equal_start_and_end_turn_quiet_hours_off()
    {
        var at = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(at, QuietHours.NextAllowed(at, NewYork, new TimeOnly(0, 0), new TimeOnly(0, 0)));
    }

    [Fact]
    public void A_moment_in_the_night_comes_before_the_night_instead()
    {
        var margin = TimeSpan.FromHours(1);

        // 23:00 and 06:00 Berlin both belong to the night that began at 21:00 on the 27th: 20:00 that evening.
        var evening = new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero);
        Assert.Equal(evening, QuietHours.LatestBefore(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero), Berlin, Start, End, margin));
        Assert.Equal(evening, QuietHours.LatestBefore(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), Berlin, Start, End, margin));

        var afternoon = new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal(afternoon, QuietHours.LatestBefore(afternoon, Berlin, Start, End, margin));
    }
}
