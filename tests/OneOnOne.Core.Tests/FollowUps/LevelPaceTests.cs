using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;

namespace OneOnOne.Core.Tests.FollowUps;

/// <summary>
/// The guides want people moved up (METHOD.md §7–§8), so the least engaged are not the least contacted: everyone
/// hears from their organizer within three weeks, and the rungs where a small step moves people most get two.
/// </summary>
public sealed class LevelPaceTests
{
    private static readonly FollowUpOptions Defaults = new();

    [Theory]
    [InlineData(EngagementLevel.Core, 14)]
    [InlineData(EngagementLevel.Active, 21)]
    [InlineData(EngagementLevel.Contributor, 14)]
    [InlineData(EngagementLevel.Follower, 21)]
    [InlineData(null, 21)]
    public void Each_level_has_its_check_in_pace(EngagementLevel? level, int days) =>
        Assert.Equal(TimeSpan.FromDays(days), Defaults.MaintenancePace(level));

    [Fact]
    public void Nobody_waits_longer_than_three_weeks_for_a_check_in() =>
        Assert.All(Enum.GetValues<EngagementLevel>(), level => Assert.True(Defaults.MaintenancePace(level) <= TimeSpan.FromDays(21)));

    [Fact]
    public void Followers_and_contributors_are_contacted_at_least_as_often_as_active_supporters()
    {
        Assert.True(Defaults.FollowerPace <= Defaults.ActivePace);
        Assert.True(Defaults.ContributorPace <= Defaults.ActivePace);
    }
}
