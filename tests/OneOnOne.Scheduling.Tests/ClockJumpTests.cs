using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// Issue 10: the console's <c>/clock</c> crosses a year in a few hundred passes by going straight from one due moment
/// to the next, and everything still arrives in order, at the time it would have arrived.
/// </summary>
public sealed class ClockJumpTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById(BotHarness.Zone);

    private readonly RecordingMessenger _platform = new();
    private readonly BotHarness _bot;
    private readonly Conversation _ana;

    public ClockJumpTests()
    {
        _bot = new BotHarness(services => services
            .AddOneOnOneDispatch()
            .AddSingleton<IPlatformMessenger>(_platform)
            .AddSimulatedClock());
        _platform.Clock = _bot.Get<TimeProvider>();
        _ana = _bot.Organizer("Ana");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_year_jump_delivers_every_digest_and_reminder_in_order_at_its_time_in_a_bounded_number_of_passes()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
        (await _ana.Command("digest channel #organizing")).Expect("Mon 30 Nov, 09:00");
        var clock = _bot.Get<SimulatedClockControl>();
        var start = clock.Now;

        var move = await clock.MoveAsync(TimeSpan.FromDays(365), CancellationToken.None);

        Assert.Equal(start.AddDays(365), move.Now);
        Assert.InRange(move.Passes, 52, 400); // one pass per due moment, not one per 15 minutes (35,040)

        var sent = _platform.Sent.Zip(_platform.SentAt, (message, at) => (message, at: TimeZoneInfo.ConvertTime(at, NewYork))).ToList();
        Assert.Equal(sent.Select(s => s.at).Order(), sent.Select(s => s.at));
        var digests = sent.Where(s => s.message.To is ToChannel).ToList();
        Assert.Equal(52, digests.Count);
        Assert.All(digests, d => Assert.Equal((DayOfWeek.Monday, new TimeSpan(9, 0, 0)), (d.at.DayOfWeek, d.at.TimeOfDay)));
        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 0), digests[0].at.DateTime);

        var guide = sent.First(s => s.message.To is ToUser && Dispatching.Text(s.message).Contains("Maria", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2026, 11, 27, 17, 0, 0), guide.at.DateTime); // an hour before the 1:1, to the minute
    }
}
