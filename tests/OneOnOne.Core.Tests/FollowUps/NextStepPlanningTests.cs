using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;

namespace OneOnOne.Core.Tests.FollowUps;

/// <summary>Issue 12: what the planner plans after a 1:1 depending on whether it ended with an ask and a next step.</summary>
public sealed class NextStepPlanningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);

    private readonly FollowUpPlanner _planner = new(new FollowUpOptions());

    [Theory]
    [InlineData(EngagementLevel.Follower, 10)]
    [InlineData(EngagementLevel.Active, 10)]
    [InlineData(EngagementLevel.Core, 10)]
    public void No_ask_and_no_next_step_brings_the_check_in_within_two_weeks_whatever_the_level(EngagementLevel level, int days)
    {
        var plan = _planner.ForMeeting(Held() with { Level = level }, Now);

        Assert.Equal([Now.AddDays(days)], CheckIns(plan));
    }

    [Fact]
    public void A_pace_shorter_than_the_no_next_step_check_in_is_kept()
    {
        var planner = new FollowUpPlanner(new FollowUpOptions { CorePace = TimeSpan.FromDays(7) });

        var plan = planner.ForMeeting(Held() with { Level = EngagementLevel.Core }, Now);

        Assert.Equal([Now.AddDays(7)], CheckIns(plan));
    }

    [Theory]
    [InlineData(EngagementLevel.Follower, 21)]
    [InlineData(EngagementLevel.Core, 14)]
    public void Not_yet_to_the_next_conversation_leaves_the_early_follow_up_to_its_nudge_and_the_check_in_at_the_level_pace(
        EngagementLevel level, int days)
    {
        var plan = _planner.ForMeeting(Held() with { Level = level, BookNextPlanned = true }, Now);

        Assert.Equal([Now.AddDays(days)], CheckIns(plan));
    }

    [Fact]
    public void A_booked_next_1_1_leaves_the_held_one_without_a_check_in()
    {
        var plan = _planner.ForMeeting(Held() with { NextMeetingBooked = true }, Now);

        Assert.Empty(CheckIns(plan));
        Assert.Contains(plan, p => p.Kind == FollowUpKind.ThankYou);
    }

    [Fact]
    public void The_nudge_to_book_the_next_conversation_comes_within_a_week()
    {
        var nudge = _planner.BookNext(Now);

        Assert.Equal(FollowUpKind.BookNextMeeting, nudge.Kind);
        Assert.InRange(nudge.DueAt - Now, TimeSpan.FromDays(1), TimeSpan.FromDays(7));
    }

    private static MeetingFacts Held() =>
        new(MeetingStatus.Held, Now, Meeting.DefaultMinutes, Now, null, null, null, false, false, EngagementLevel.Follower);

    private static IEnumerable<DateTimeOffset> CheckIns(IEnumerable<PlannedFollowUp> plan) =>
        plan.Where(p => p.Kind == FollowUpKind.MaintenanceCheckIn).Select(p => p.DueAt);
}

/// <summary>The two next-step timings are checked at start-up like every other pace.</summary>
public sealed class NextStepOptionsTests
{
    [Theory]
    [InlineData(nameof(FollowUpOptions.BookNextMeetingDelay))]
    [InlineData(nameof(FollowUpOptions.NoNextStepCheckIn))]
    public void A_zero_next_step_timing_is_refused_naming_the_setting(string setting)
    {
        var options = new FollowUpOptions();
        typeof(FollowUpOptions).GetProperty(setting)!.SetValue(options, TimeSpan.Zero);

        var result = new FollowUpOptionsValidator().Validate(null, options);

        var problem = Assert.Single(result.Failures!);
        Assert.StartsWith($"FollowUps:{setting}", problem, StringComparison.Ordinal);
        Assert.Contains("longer than zero", problem, StringComparison.Ordinal);
    }
}
