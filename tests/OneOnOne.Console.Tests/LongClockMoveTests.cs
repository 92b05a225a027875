using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Time;

namespace OneOnOne.Console.Tests;

/// <summary>Issue 10: <c>/clock</c> takes a year in one move (up to five), since the clock now jumps between due moments.</summary>
public class LongClockMoveTests
{
    [Fact]
    public async Task A_year_ahead_lands_on_the_same_date_a_year_on()
    {
        var clock = new RecordingClock();
        var run = await ConsoleRun.RunAsync(new FakeEngine(), "/clock +1y\n/clock +2y\n", configure: s => s.AddSingleton<IClockControl>(clock));

        // 26 Nov 2026 to 26 Nov 2027, then on to 26 Nov 2029 across the leap day of 2028.
        Assert.Equal([TimeSpan.FromDays(365), TimeSpan.FromDays(731)], clock.Moves);
        Assert.Contains("Moving the clock 1 year ahead", run.Output);
        Assert.Contains("Moving the clock 2 years ahead", run.Output);
        Assert.Contains("26 Nov 2029", run.Output);
    }

    [Theory]
    [InlineData("/clock +20w")]
    [InlineData("/clock +400d")]
    [InlineData("/clock 2031-01-15 09:00")]
    public async Task Moves_of_months_or_years_are_made_in_one_go(string line)
    {
        var clock = new RecordingClock();
        var run = await ConsoleRun.RunAsync(new FakeEngine(), line + "\n", configure: s => s.AddSingleton<IClockControl>(clock));

        Assert.Single(clock.Moves);
        Assert.Contains("It's now", run.Output);
    }

    [Theory]
    [InlineData("/clock +6y")]
    [InlineData("/clock +300w")]
    [InlineData("/clock 2040-01-01 09:00")]
    public async Task Beyond_five_years_it_says_how_far_it_goes_and_what_to_type(string line)
    {
        var clock = new RecordingClock();
        var run = await ConsoleRun.RunAsync(new FakeEngine(), line + "\n", configure: s => s.AddSingleton<IClockControl>(clock));

        Assert.Empty(clock.Moves);
        Assert.Contains("5 years", run.Output);
        Assert.Contains("/clock +1y", run.Output);
    }

    private sealed class RecordingClock : IClockControl
    {
        public List<TimeSpan> Moves { get; } = [];

        public DateTimeOffset Now { get; private set; } = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

        public Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
        {
            Moves.Add(by);
            Now += by;
            return Task.FromResult(Now);
        }
    }
}
