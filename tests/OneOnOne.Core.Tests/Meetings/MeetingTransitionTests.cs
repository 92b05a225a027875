using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Tests.Meetings;

/// <summary>A meeting moves only along the transitions it allows, and refuses the rest the same way every time.</summary>
public sealed class MeetingTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Scheduling_then_moving_reports_the_previous_start()
    {
        var meeting = new Meeting { Status = MeetingStatus.Planned };
        var first = meeting.Schedule(Now.AddDays(1), 45, "Cafe Luna", Now);
        Assert.Equal(new MeetingChange(MeetingStatus.Planned, MeetingStatus.Scheduled, null), first);

        var move = meeting.Schedule(Now.AddDays(2), 30, null, Now);
        Assert.True(move.IsMove);
        Assert.Equal(Now.AddDays(1), move.PreviousStart);
        Assert.Equal(Now, meeting.UpdatedAt);
    }

    [Fact]
    public void Held_at_its_start_once_that_has_passed_otherwise_now()
    {
        var past = new Meeting { Status = MeetingStatus.Scheduled, StartsAt = Now.AddHours(-2) };
        past.MarkHeld(Now);
        Assert.Equal(Now.AddHours(-2), past.HeldAt);

        var early = new Meeting { Status = MeetingStatus.Scheduled, StartsAt = Now.AddHours(2) };
        early.MarkHeld(Now);
        Assert.Equal(Now, early.HeldAt);
    }

    [Fact]
    public void A_missed_1_1_may_be_booked_again()
    {
        var meeting = new Meeting { Status = MeetingStatus.Scheduled, StartsAt = Now.AddHours(-2) };
        meeting.MarkMissed(Now);
        meeting.Schedule(Now.AddDays(3), 45, null, Now);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
    }

    [Theory]
    [InlineData(MeetingStatus.Held)]
    [InlineData(MeetingStatus.Cancelled)]
    public void History_is_not_rescheduled(MeetingStatus status)
    {
        var meeting = new Meeting { Id = 7, Status = status };
        Assert.False(meeting.CanBeScheduled);
        var refused = Assert.Throws<InvalidOperationException>(() => meeting.Schedule(Now.AddDays(1), 45, null, Now));
        Assert.Equal($"Meeting 7 is {status}; it cannot become Scheduled.", refused.Message);
        Assert.Equal(status, meeting.Status);
    }

    [Theory]
    [InlineData(MeetingStatus.Held)]
    [InlineData(MeetingStatus.Cancelled)]
    [InlineData(MeetingStatus.Missed)]
    public void Only_an_open_1_1_is_marked_held_or_called_off(MeetingStatus status)
    {
        var meeting = new Meeting { Status = status };
        Assert.Throws<InvalidOperationException>(() => meeting.MarkHeld(Now));
        Assert.Throws<InvalidOperationException>(() => meeting.CallOff(Now));
    }

    [Theory]
    [InlineData(MeetingStatus.Planned)]
    [InlineData(MeetingStatus.Held)]
    [InlineData(MeetingStatus.Missed)]
    public void Only_a_scheduled_1_1_can_be_missed(MeetingStatus status) =>
        Assert.Throws<InvalidOperationException>(() => new Meeting { Status = status }.MarkMissed(Now));
}
