using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// Issue 11 item 8: a weekly digest the platform could not take is tried again, further apart each time, until it
/// is a day late; only then is it given up, and the organizer who chose the channel is told. A refusal that won't
/// go away by itself (the bot isn't in the channel) is told at once, as before.
/// </summary>
public sealed class DigestRetryTests : IAsyncLifetime
{
    /// <summary>Monday 30 November 2026, 09:00 in New York: the first digest's time.</summary>
    private static readonly DateTimeOffset DueAt = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset NextWeek = DueAt.AddDays(7);

    private readonly RecordingMessenger _platform = new();
    private readonly BotHarness _bot;
    private readonly Conversation _ana;
    private readonly Conversation _ben;

    public DigestRetryTests()
    {
        _bot = new BotHarness(services => services.AddOneOnOneDispatch().AddSingleton<IPlatformMessenger>(_platform));
        _ana = _bot.Organizer("Ana");
        _ben = _bot.Organizer("Ben");
    }

    public async Task InitializeAsync()
    {
        await _ana.Command("list add Maria");
        await _ben.Command("digest channel #organizing");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_short_outage_delays_the_digest_and_it_arrives_once_for_the_week_it_was_due()
    {
        _platform.FailNext(5);
        _bot.Time.SetUtcNow(DueAt);
        Assert.Equal(0, await Dispatch());
        Assert.True(await NextDigestAt() < DueAt.AddHours(1), "the failed digest must be tried again soon, not next week");

        // A 1:1 held after the digest's time belongs to next week's digest, however late this one goes out.
        await _ana.Command("met Maria");
        await _ana.Press("Yes");
        await _ana.Send("chair the next meeting");
        await _ana.Send("skip");
        await _ana.Send("skip");
        await _ana.Press("Contributor");
        await _ana.Command("cancel");

        var posted = await DispatchEveryMinuteUntil(DueAt.AddHours(4));

        Assert.Equal(1, posted);
        var digest = Assert.Single(_platform.Sent);
        Assert.Equal(new ToChannel("test", "T1", "organizing"), digest.To);
        Assert.Contains("1:1s held this week: 0", _platform.Texts()[0]);
        Assert.Equal(6, _platform.Attempts.Count);
        Assert.Equal(NextWeek, await NextDigestAt());
    }

    [Fact]
    public async Task Retries_back_off_so_a_long_outage_costs_a_few_dozen_attempts_a_day()
    {
        _platform.ChannelsDown = true;
        await DispatchEveryMinuteUntil(DueAt.AddHours(23));

        var attempts = _platform.Attempts.Count;
        Assert.InRange(attempts, 10, 40);
        Assert.Empty(_platform.Sent); // no DM while it may still go out
    }

    [Fact]
    public async Task A_digest_that_could_not_be_posted_for_a_day_is_dropped_and_the_chooser_told_and_next_weeks_still_comes()
    {
        _platform.ChannelsDown = true;
        await DispatchEveryMinuteUntil(DueAt.AddDays(2));

        Assert.DoesNotContain(_platform.Sent, m => m.To is ToChannel);
        var told = Assert.Single(_platform.Sent);
        Assert.Equal(new ToUser(_ben.Address), told.To);
        var text = _platform.Texts()[0];
        Assert.Contains("couldn't be posted to #organizing", text);
        Assert.Contains("Mon 30 Nov", text);
        Assert.Contains("503", text);
        Assert.Contains("Mon 7 Dec", text);
        var lastAttempt = _platform.Attempts.Last(a => a.To is ToChannel);
        Assert.Equal(NextWeek, await NextDigestAt());

        _platform.ChannelsDown = false;
        _bot.Time.SetUtcNow(NextWeek);
        Assert.Equal(1, await Dispatch());
        Assert.Equal(new ToChannel("test", "T1", "organizing"), _platform.Sent[^1].To);
        Assert.NotSame(lastAttempt, _platform.Sent[^1]);
    }

    [Fact]
    public async Task A_refusal_that_will_not_pass_by_itself_is_told_at_once_and_not_retried()
    {
        _platform.RefuseChannels = "The bot isn't a member of that channel; type /invite @oneonone in it.";
        await DispatchEveryMinuteUntil(DueAt.AddHours(6));

        Assert.Single(_platform.Attempts, a => a.To is ToChannel);
        var told = Assert.Single(_platform.Sent);
        Assert.Equal(new ToUser(_ben.Address), told.To);
        Assert.Contains("/invite @oneonone", _platform.Texts()[0]);
        Assert.Equal(NextWeek, await NextDigestAt());
    }

    [Fact]
    public async Task A_next_time_set_off_the_schedule_is_a_digest_of_its_own_not_a_late_retry()
    {
        var offSchedule = DueAt.AddDays(3).AddHours(-2); // Thursday 07:00 in New York
        await _bot.QueryAsync(s => s.Teams.ExecuteUpdateAsync(t => t.SetProperty(x => x.NextDigestAt, offSchedule)));

        _bot.Time.SetUtcNow(offSchedule);
        Assert.Equal(1, await Dispatch());

        Assert.Equal(new ToChannel("test", "T1", "organizing"), Assert.Single(_platform.Sent).To);
        Assert.Equal(NextWeek, await NextDigestAt());
    }

    /// <summary>Runs a digest pass every minute from the digest's time to <paramref name="until"/>, as the job would (more often, in fact).</summary>
    private async Task<int> DispatchEveryMinuteUntil(DateTimeOffset until)
    {
        var posted = 0;
        for (var at = DueAt; at <= until; at += TimeSpan.FromMinutes(1))
        {
            if (_bot.Time.GetUtcNow() < at)
            {
                _bot.Time.SetUtcNow(at);
            }

            posted += await Dispatch();
        }

        return posted;
    }

    private Task<int> Dispatch() => _bot.WithScopeAsync<DigestDispatcher, int>(d => d.DispatchDueAsync(CancellationToken.None));

    private Task<DateTimeOffset?> NextDigestAt() => _bot.QueryAsync(s => s.Teams.Where(t => t.DigestChannel != null).Select(t => t.NextDigestAt).SingleAsync());
}
