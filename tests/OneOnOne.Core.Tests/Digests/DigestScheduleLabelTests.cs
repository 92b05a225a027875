using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Tests.Digests;

/// <summary>The zone a digest schedule names is the zone its times are computed in.</summary>
public sealed class DigestScheduleLabelTests
{
    [Fact]
    public void A_stored_zone_that_is_no_longer_known_is_not_named_for_times_kept_in_UTC()
    {
        var team = new Team { Platform = "test", ExternalId = "T", TimeZone = "Mars/Base", DigestTime = new TimeOnly(6, 29) };

        Assert.Equal(TimeZoneInfo.Utc.Id, DigestSchedule.ZoneOf(team).Id);
        Assert.Equal("Mondays at 06:29 (UTC)", DigestSchedule.Describe(team));
    }

    [Fact]
    public void The_digests_own_zone_is_named_by_its_IANA_id()
    {
        var team = new Team { Platform = "test", ExternalId = "T", TimeZone = "America/New_York", DigestTimeZone = "europe/berlin" };

        Assert.Equal("Mondays at 09:00 (Europe/Berlin)", DigestSchedule.Describe(team));
    }
}
