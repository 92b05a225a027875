using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Issue 9, the meetings side: a 1:1's state only changes the way the organizer asked, the reply says
/// what changed (the 1:1 and its reminders), and a reminder can be named and closed by its reference.
/// </summary>
public sealed class MeetingTrustTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private readonly Conversation _ana;

    public MeetingTrustTests() => _ana = _bot.Organizer("Ana");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Met_says_the_1_1_is_now_held_and_which_reminders_that_brings()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(9));

        (await _ana.Command("met Maria"))
            .Expect("marked your 1:1 with Maria (Fri 27 Nov, 18:00) as held", "reflect on your 1:1 with Maria", "send a thank-you to Maria")
            .Expect("How did Maria answer your ask?");
    }

    [Fact]
    public async Task Offering_a_new_date_after_a_no_books_a_new_1_1_and_the_held_one_stays_held()
    {
        await _ana.Command("goal 6");
        await _ana.Command("list add Maria");
        await _ana.Command("met Maria");
        await _ana.Press("No");
        await _ana.Press("The date or time");
        await _ana.Send("skip");
        await _ana.Send("skip");
        await _ana.Command("cancel");

        var offer = await FollowUpId(FollowUpKind.OfferNewDate);
        (await _ana.Command($"followup {offer} moved")).Expect("When is your 1:1 with Maria now?");
        (await _ana.Send("tuesday")).Expect("What time on Tue 1 Dec?").ExpectNot("Scheduled");
        (await _ana.Send("tue 18:30")).Expect("Scheduled: Maria, Tue 1 Dec, 18:30");

        (await _ana.Command("status")).Expect("1 of 6 1:1s held", "Tue 1 Dec, 18:30: Maria");
        var statuses = await _bot.QueryAsync(s => s.Meetings.OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([MeetingStatus.Held, MeetingStatus.Scheduled], statuses);
    }

    [Fact]
    public async Task Didnt_happen_twice_is_answered_truthfully_the_second_time()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
        var didYouMeet = await FollowUpId(FollowUpKind.DidYouMeet);
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(10));

        (await _ana.Command($"followup {didYouMeet} missed")).Expect("didn't happen", $"#{didYouMeet}");
        (await _ana.Command($"followup {didYouMeet} missed")).Expect("already").ExpectNot("That happens");
        Assert.Equal(MeetingStatus.Missed, await _bot.QueryAsync(s => s.Meetings.Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Changing_the_goal_mid_window_keeps_the_window_and_says_so()
    {
        await _ana.Command("goal 6");
        await _ana.Command("list add Maria");
        await _ana.Command("met Maria");
        await _ana.Command("cancel");
        _bot.Time.Advance(TimeSpan.FromDays(2));

        (await _ana.Command("goal 8"))
            .Expect("Goal changed from 6 to 8", "still counting from Thu 26 Nov to Thu 24 Dec", "1 of 8 so far")
            .ExpectNot("Goal set");
        var fresh = _ana.Buttons.Single(b => b.Label == "Start a fresh four weeks");
        (await _ana.Command("goal")).Expect("1 of 8 1:1s held");

        (await _ana.Deliver(new ButtonInput(fresh.Payload))).Expect("fresh four weeks", "Sat 28 Nov to Sat 26 Dec", "0 of 8");
    }

    [Fact]
    public async Task A_goal_change_replans_the_pace_nudge_against_the_1_1s_already_held()
    {
        await _ana.Command("goal 6");
        await _ana.Command("list add Maria");
        await _ana.Command("met Maria");
        await _ana.Command("cancel");

        await _ana.Command("goal 2");
        Assert.Equal(0, await _bot.QueryAsync(s => s.FollowUps.CountAsync(f => f.Kind == FollowUpKind.GoalPace && f.Status == FollowUpStatus.Pending)));
    }

    [Fact]
    public async Task A_new_goal_after_the_window_ended_starts_a_new_window()
    {
        await _ana.Command("goal 6");
        _bot.Time.Advance(TimeSpan.FromDays(29));
        (await _ana.Command("goal 5")).Expect("Goal set: 5 1:1s", "Fri 25 Dec to Fri 22 Jan").ExpectNot("changed from");
    }

    [Fact]
    public async Task A_new_time_zone_lists_the_booked_1_1s_and_can_keep_their_clock_times()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");

        (await _ana.Command("timezone America/Chicago"))
            .Expect("Time zone set to America/Chicago", "Maria: Fri 27 Nov, 18:00 in America/New_York is Fri 27 Nov, 17:00 in America/Chicago");
        Assert.Contains(_ana.Buttons, b => b.Label == "Keep them as they are");
        var keep = _ana.Buttons.Single(b => b.Label == "Keep their clock times");

        (await _ana.Deliver(new ButtonInput(keep.Payload))).Expect("Maria: now Fri 27 Nov, 18:00", "reminders moved with");
        var meeting = await _bot.QueryAsync(s => s.Meetings.SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero),
            await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == FollowUpKind.PocketGuide && f.Status == FollowUpStatus.Pending).Select(f => f.DueAt).SingleAsync()));

        // A second press must not move it again.
        (await _ana.Deliver(new ButtonInput(keep.Payload))).Expect("already");
        Assert.Equal(meeting.StartsAt, await _bot.QueryAsync(s => s.Meetings.Select(m => m.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task Keeping_the_moments_after_a_zone_change_moves_nothing_and_says_so()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
        await _ana.Command("timezone America/Chicago");

        (await _ana.Press("Keep them as they are")).Expect("Nothing moved", "Maria: Fri 27 Nov, 17:00");
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), await _bot.QueryAsync(s => s.Meetings.Select(m => m.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task A_reminder_shows_its_reference_in_status_and_an_answer_names_what_it_closed()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
        var guide = await FollowUpId(FollowUpKind.PocketGuide);
        (await _ana.Command("status")).Expect($"pocket guide for your 1:1 with Maria (#{guide})");

        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(9));
        await _ana.Command("met Maria");
        await _ana.Command("cancel");
        var thanks = await FollowUpId(FollowUpKind.ThankYou);

        (await _ana.Command($"followup {thanks} done")).Expect($"Done: send a thank-you to Maria (#{thanks}).");
        (await _ana.Command($"followup #{thanks} dismiss")).Expect($"send a thank-you to Maria (#{thanks}) is already done");
        (await _ana.Command("followup 9999 done")).Expect("#9999", "status");
        (await _ana.Command("help")).Expect("followup 12 snooze-day");
    }

    private Task<int> FollowUpId(FollowUpKind kind) =>
        _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == kind).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
}
