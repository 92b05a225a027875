using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Tests.Digests;

public sealed class DigestScheduleTests
{
    [Fact]
    public void By_default_the_digest_is_due_monday_at_nine_team_time()
    {
        var team = new Team { Platform = "test", ExternalId = "T", TimeZone = "America/New_York" };
        var thursday = new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), DigestSchedule.Next(team, thursday));
    }

    [Fact]
    public void The_week_after_a_clock_change_it_is_still_nine_local_time()
    {
        // New York leaves daylight time on 1 November 2026: 09:00 is 13:00 UTC before, 14:00 UTC after.
        var team = new Team { Platform = "test", ExternalId = "T", TimeZone = "America/New_York" };
        var before = DigestSchedule.Next(team, new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero));
        var after = DigestSchedule.Next(team, before);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 13, 0, 0, TimeSpan.Zero), before);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero), after);
    }

    [Fact]
    public void On_the_day_itself_after_the_hour_it_is_next_week()
    {
        var team = new Team { Platform = "test", ExternalId = "T", TimeZone = "UTC", DigestDay = DayOfWeek.Friday, DigestTime = new TimeOnly(17, 30) };
        var fridayEvening = new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 30, 0, TimeSpan.Zero), DigestSchedule.Next(team, fridayEvening));
    }
}
