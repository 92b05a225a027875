using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>Leaving questions half-way says truly what stays changed, checked against what is stored.</summary>
public sealed class LeavingAFlowTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Leaving_the_outcome_questions_says_the_1on1_stays_held_and_the_reflection_reminder_will_come()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("goal 4");
        await ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(9));
        (await ana.Command("met Maria")).Expect("How did Maria answer your ask?");

        (await ana.Send("cancel"))
            .Expect("closed “How your 1:1 with Maria went”", "stays recorded as held", "counts toward your goal",
                "without their answer", "remind you to reflect")
            .ExpectNot("Nothing else changed");

        var meeting = await _bot.QueryAsync(s => s.Meetings.SingleAsync());
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Null(meeting.Answer);
        Assert.True(await _bot.QueryAsync(s => s.FollowUps.AnyAsync(f =>
            f.MeetingId == meeting.Id && f.Kind == FollowUpKind.ReflectionPrompt && f.Status == FollowUpStatus.Pending)));
        Assert.Equal(FlowStatus.Cancelled, (await _bot.QueryAsync(s => s.FlowRuns.SingleAsync())).Status);
        (await ana.Command("status")).Expect("1 of 4");
    }

    [Fact]
    public async Task Leaving_prep_still_says_nothing_else_changed_because_nothing_did()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("plan Maria");
        await ana.Send("come to the housing meeting");

        (await ana.Send("cancel")).Expect("closed “Preparing your 1:1 with Maria”", "Nothing else changed");

        var meeting = await _bot.QueryAsync(s => s.Meetings.SingleAsync());
        Assert.Null(meeting.Prep.Goal);
        Assert.Equal(0, await _bot.QueryAsync(s => s.FollowUps.CountAsync(f => f.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task Leaving_the_new_time_question_says_the_1on1_keeps_its_old_time()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("schedule Maria tomorrow 6pm");
        var start = (await _bot.QueryAsync(s => s.Meetings.SingleAsync())).StartsAt;
        var didYouMeet = await _bot.QueryAsync(s => s.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.DidYouMeet));
        (await ana.Command($"followup {didYouMeet.Id} moved")).Expect("When is your 1:1 with Maria now?");

        (await ana.Send("cancel")).Expect("Your 1:1 with Maria keeps its old time", "`schedule Maria <when>`");

        Assert.Equal(start, (await _bot.QueryAsync(s => s.Meetings.SingleAsync())).StartsAt);
    }
}
