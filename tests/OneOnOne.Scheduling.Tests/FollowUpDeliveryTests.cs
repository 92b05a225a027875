using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;
using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>Follow-ups from a 1:1 scheduled in conversation to the DM that reaches the organizer, on a fake clock.</summary>
public sealed class FollowUpDeliveryTests : IAsyncLifetime
{
    private readonly RecordingMessenger _platform = new();
    private readonly BotHarness _bot;
    private readonly Conversation _ana;

    public FollowUpDeliveryTests()
    {
        _bot = new BotHarness(services => services
            .AddOneOnOneDispatch()
            .AddSingleton<IPlatformMessenger>(_platform));
        _ana = _bot.Organizer("Ana");
    }

    public async Task InitializeAsync()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("plan Maria");
        await _ana.Send("come to the housing meeting");
        for (var i = 0; i < 8; i++)
        {
            await _ana.Send(i == 6 ? "join the committee" : "skip");
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_pocket_guide_arrives_an_hour_before_and_did_you_meet_after_the_end()
    {
        await _ana.Command("schedule Maria tomorrow 6pm for 45");

        await _bot.AdvanceToAsync(2026, 11, 27, 16, 59);
        Assert.Empty(_platform.Sent);

        await _bot.AdvanceToAsync(2026, 11, 27, 17, 0);
        var guide = Assert.Single(_platform.Sent);
        Assert.Equal(new ToUser(_ana.Address), guide.To);
        Assert.Contains("join the committee", _platform.Texts()[0]);

        await _bot.AdvanceToAsync(2026, 11, 27, 19, 15);
        Assert.Equal(2, _platform.Sent.Count);
        Assert.Contains(_platform.Sent[1].Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons), b => b.Label == "Held");

        await _bot.DispatchAsync();
        Assert.Equal(2, _platform.Sent.Count);
    }

    [Fact]
    public async Task A_nudge_due_at_night_waits_for_the_morning_in_the_organizers_zone()
    {
        await _ana.Command("schedule Maria tomorrow 9pm for 45");

        // Did-you-meet falls due at 22:15 New York time: quiet hours.
        await _bot.AdvanceToAsync(2026, 11, 27, 22, 20);
        Assert.Single(_platform.Sent); // the pocket guide at 20:00
        await _bot.AdvanceToAsync(2026, 11, 28, 7, 59);
        Assert.Single(_platform.Sent);
        await _bot.AdvanceToAsync(2026, 11, 28, 8, 0);
        Assert.Equal(2, _platform.Sent.Count);
    }

    [Fact]
    public async Task Moving_a_meeting_moves_its_nudges()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        await _ana.Command("schedule Maria 2026-11-30 18:00");

        await _bot.AdvanceToAsync(2026, 11, 27, 20, 0);
        Assert.Empty(_platform.Sent);
        await _bot.AdvanceToAsync(2026, 11, 30, 17, 0);
        Assert.Single(_platform.Sent);
    }

    [Fact]
    public async Task A_meeting_moved_after_its_pocket_guide_went_out_gets_a_new_one_for_the_new_time()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        await _bot.AdvanceToAsync(2026, 11, 27, 17, 10);
        Assert.Single(_platform.Sent);

        await _ana.Command("schedule Maria 2026-11-30 18:00");
        await _bot.AdvanceToAsync(2026, 11, 30, 17, 0);
        Assert.Equal(2, _platform.Sent.Count);
        Assert.Contains("Mon 30 Nov, 18:00", Text(_platform.Sent[1]));
    }

    [Fact]
    public async Task Snoozing_brings_a_nudge_back_once_a_day_later()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        await _bot.AdvanceToAsync(2026, 11, 27, 19, 15);
        var didYouMeet = _platform.Sent[1];
        await _ana.Deliver(new ButtonInput(ButtonPayload(didYouMeet, "Snooze 1 day")));
        _ana.Expect("remind you again tomorrow");

        await _bot.AdvanceToAsync(2026, 11, 28, 19, 14);
        Assert.Equal(2, _platform.Sent.Count);
        await _bot.AdvanceToAsync(2026, 11, 28, 19, 20);
        Assert.Equal(3, _platform.Sent.Count);
        // The same reminder, under the reference of the fresh row the snooze made (each row is sent once).
        Assert.Equal(WithoutReference(Text(didYouMeet)), WithoutReference(Text(_platform.Sent[2])));
        await _bot.AdvanceToAsync(2026, 11, 29, 20, 0);
        Assert.Equal(3, _platform.Sent.Count);
    }

    [Fact]
    public async Task A_pause_holds_nudges_and_resume_lets_the_ones_still_useful_through()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        (await _ana.Command("pause until 2026-11-30")).Expect("paused until Mon 30 Nov, 08:00");

        await _bot.AdvanceToAsync(2026, 11, 27, 20, 0);
        Assert.Empty(_platform.Sent);

        (await _ana.Command("resume")).Expect("Welcome back");
        await _bot.DispatchAsync();

        // The pocket guide no longer helps once the meeting has started; did-you-meet still does.
        Assert.Single(_platform.Sent);
        Assert.Equal(FollowUpStatus.Cancelled, await StatusOf(FollowUpKind.PocketGuide));
        Assert.Equal(FollowUpStatus.Sent, await StatusOf(FollowUpKind.DidYouMeet));
    }

    [Fact]
    public async Task Nudges_off_sends_nothing_and_counts_what_was_skipped()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        await _ana.Command("nudges off");
        await _bot.AdvanceToAsync(2026, 11, 28, 10, 0);
        Assert.Empty(_platform.Sent);
        Assert.True(await _bot.QueryAsync(s => s.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Dropped)) >= 2);
    }

    [Fact]
    public async Task After_three_unanswered_nudges_the_bot_asks_once_whether_to_pause()
    {
        // A 1:1 on each of four days, each with a pocket guide, and Ana never answers.
        await _ana.Command("list add Sam");
        await _ana.Command("list add Dee");
        await _ana.Command("list add Lee");
        await _ana.Command("schedule Maria 2026-11-27 10:00");
        await _ana.Command("schedule Sam 2026-11-28 10:00");
        await _ana.Command("schedule Dee 2026-11-29 10:00");
        await _ana.Command("schedule Lee 2026-11-30 10:00");
        foreach (var meeting in await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == FollowUpKind.DidYouMeet).Select(f => f.Id).ToListAsync()))
        {
            await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Id == meeting).ExecuteUpdateAsync(u => u.SetProperty(f => f.Status, FollowUpStatus.Dismissed)));
        }

        await _bot.AdvanceToAsync(2026, 11, 29, 9, 5);
        Assert.Equal(3, _platform.Sent.Count);

        await _bot.AdvanceToAsync(2026, 11, 30, 9, 5);
        Assert.Equal(4, _platform.Sent.Count);
        Assert.Contains("Shall I pause them", _platform.Texts()[3]);

        // Ana comes back: Lee's pocket guide, held since the question, arrives (his 1:1 is still ahead), and nudges flow again.
        await _ana.Command("status");
        await _bot.DispatchAsync();
        Assert.Equal(5, _platform.Sent.Count);
        Assert.Contains("Lee", _platform.Texts()[4]);
        await _ana.Command("schedule Maria 2026-12-01 10:00");
        await _bot.AdvanceToAsync(2026, 12, 1, 9, 5);
        Assert.Equal(6, _platform.Sent.Count);
    }

    [Fact]
    public async Task Nudges_arriving_together_have_not_been_ignored_yet()
    {
        await _ana.Command("list add Sam");
        await _ana.Command("list add Dee");
        await _ana.Command("list add Lee");
        await _ana.Command("schedule Maria 2026-11-27 10:00");
        await _ana.Command("schedule Sam 2026-11-27 10:00");
        await _ana.Command("schedule Dee 2026-11-27 10:00");
        await _ana.Command("schedule Lee 2026-11-27 10:00");

        await _bot.AdvanceToAsync(2026, 11, 27, 9, 5);
        Assert.Equal(4, _platform.Sent.Count);
        Assert.DoesNotContain(_platform.Texts(), t => t.Contains("Shall I pause them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_platform_hiccup_is_retried_and_the_nudge_arrives_once()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        _platform.FailNext(2);
        await _bot.AdvanceToAsync(2026, 11, 27, 17, 0);
        Assert.Empty(_platform.Sent);
        await _bot.AdvanceToAsync(2026, 11, 27, 17, 5);
        Assert.Empty(_platform.Sent);
        await _bot.AdvanceToAsync(2026, 11, 27, 17, 10);
        Assert.Single(_platform.Sent);
        await _bot.AdvanceToAsync(2026, 11, 27, 17, 20);
        Assert.Single(_platform.Sent);

        // Every attempt carries the same key, so a platform that can tell a repeat shows it once.
        Assert.Equal(3, _platform.Attempts.Count);
        Assert.Single(_platform.Attempts.Select(a => a.DeliveryKey).Distinct());
        Assert.StartsWith("followup:", _platform.Attempts[0].DeliveryKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_passes_racing_for_the_same_nudges_send_each_once()
    {
        await _ana.Command("list add Sam");
        await _ana.Command("schedule Maria tomorrow 6pm");
        await _ana.Command("schedule Sam tomorrow 6pm");
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));
        _platform.Latency = TimeSpan.FromMilliseconds(50);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _bot.DispatchAsync()));

        Assert.Equal(2, _platform.Sent.Count);
        Assert.Equal(2, await _bot.QueryAsync(s => s.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Sent)));
    }

    [Fact]
    public async Task A_send_interrupted_before_it_was_recorded_is_not_sent_again()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        var guide = await _bot.QueryAsync(s => s.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.PocketGuide));
        await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Id == guide.Id).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.Status, FollowUpStatus.Sending)
            .SetProperty(f => f.ClaimedAt, new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero))));

        await _bot.AdvanceToAsync(2026, 11, 27, 17, 30);
        await _bot.DispatchAsync();

        Assert.Empty(_platform.Sent);
        Assert.Equal(FollowUpStatus.Unconfirmed, await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Id == guide.Id).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task After_a_restart_recent_nudges_arrive_once_and_stale_ones_are_dropped()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");

        // The bot is down from before the pocket guide (17:00) until 19:00 the next day (New York).
        await _bot.Restart();
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero));
        await _bot.DispatchAsync();
        await _bot.DispatchAsync();

        // The pocket guide is 25 hours late: dropped. Did-you-meet (due 19:15 the day before) is 23 hours late: still sent.
        Assert.Single(_platform.Sent);
        Assert.Equal(FollowUpStatus.Dropped, await StatusOf(FollowUpKind.PocketGuide));
        Assert.Equal(FollowUpStatus.Sent, await StatusOf(FollowUpKind.DidYouMeet));
    }

    [Fact]
    public async Task A_nudge_more_than_a_day_late_is_dropped_not_sent()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero));
        await _bot.DispatchAsync();
        Assert.Empty(_platform.Sent);
        Assert.Equal(FollowUpStatus.Dropped, await StatusOf(FollowUpKind.DidYouMeet));
    }

    private Task<FollowUpStatus> StatusOf(FollowUpKind kind) =>
        _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == kind).Select(f => f.Status).FirstAsync());

    private static string WithoutReference(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\nReminder #\d+", string.Empty);
}
