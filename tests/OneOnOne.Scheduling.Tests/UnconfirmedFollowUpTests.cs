using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// Issue 11 item 9: a follow-up whose send was cut off (the process stopped between claim and send) is never
/// sent twice, and is never called sent either: it is unconfirmed, and everyone who reads its status is told so.
/// </summary>
public sealed class UnconfirmedFollowUpTests : IAsyncLifetime
{
    private readonly RecordingMessenger _platform = new();
    private readonly LogCapture _logs = new();
    private readonly BotHarness _bot;
    private readonly Conversation _ana;

    public UnconfirmedFollowUpTests()
    {
        _bot = new BotHarness(services => services
            .AddOneOnOneDispatch()
            .AddSingleton<ILoggerProvider>(_logs)
            .AddSingleton<IPlatformMessenger>(_platform));
        _ana = _bot.Organizer("Ana");
    }

    public async Task InitializeAsync()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_send_cut_off_by_a_stop_is_unconfirmed_not_sent_and_never_sent_again()
    {
        // Friday 17:00 in New York: the pocket guide is due; the process stops while the platform has it.
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));
        _platform.StopDuringNextSend();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _bot.DispatchAsync());
        await _bot.Restart();
        Assert.Equal(FollowUpStatus.Sending, (await PocketGuide()).Status);

        _bot.Time.Advance(TimeSpan.FromMinutes(4));
        await _bot.DispatchAsync();
        Assert.Equal(FollowUpStatus.Sending, (await PocketGuide()).Status); // the send may still be under way

        _bot.Time.Advance(TimeSpan.FromMinutes(2));
        await _bot.DispatchAsync();
        await _bot.DispatchAsync();

        var guide = await PocketGuide();
        Assert.Equal(FollowUpStatus.Unconfirmed, guide.Status);
        Assert.Null(guide.SentAt);
        Assert.Null(guide.PlatformMessageId);
        Assert.Single(_platform.Attempts);
        Assert.Empty(_platform.Sent);
        Assert.Equal(0, await _bot.QueryAsync(s => s.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Sent)));
        var logged = Assert.Single(_logs.Lines, l => l.Category.EndsWith(nameof(FollowUpDispatcher), StringComparison.Ordinal) && l.Level == LogLevel.Warning);
        Assert.Contains("may not have arrived", logged.Message);
        Assert.DoesNotContain("counted as sent", logged.Message);
    }

    [Fact]
    public async Task Status_says_which_reminder_may_not_have_arrived_and_how_to_get_it_again()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));
        _platform.StopDuringNextSend();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _bot.DispatchAsync());
        _bot.Time.Advance(TimeSpan.FromMinutes(10));
        await _bot.DispatchAsync();
        var guide = await PocketGuide();

        (await _ana.Command("status"))
            .Expect("may not have reached you", guide.Reference, "Maria", $"followup {guide.Id} snooze-day");

        // Snoozing it brings it back as a fresh reminder, sent once like any other.
        (await _ana.Command($"followup {guide.Id} snooze-day")).Expect("remind you again tomorrow");
        (await _ana.Command("status")).ExpectNot("may not have reached you");
    }

    private Task<FollowUp> PocketGuide() =>
        _bot.QueryAsync(s => s.FollowUps.AsNoTracking().SingleAsync(f => f.Kind == FollowUpKind.PocketGuide));
}
