using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Time;

namespace OneOnOne.Console.Tests;

public class ClockTests
{
    [Fact]
    public async Task Clock_moves_ahead_by_an_amount()
    {
        var clock = new FakeClock();
        var run = await ConsoleRun.RunAsync(new FakeEngine(), "/clock +2d\n/clock 3h\n/clock +45m\n/clock +1w\n", configure: s => s.AddSingleton<IClockControl>(clock));

        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromHours(3), TimeSpan.FromMinutes(45), TimeSpan.FromDays(7)], clock.Moves);
        Assert.Contains("Moving the clock 2 days ahead", run.Output);
        Assert.Contains("It's now", run.Output);
    }

    [Fact]
    public async Task Clock_moves_ahead_to_a_time_read_like_any_date()
    {
        var clock = new FakeClock();
        await ConsoleRun.RunAsync(new FakeEngine(), "/clock tomorrow 7:30pm\n", configure: s => s.AddSingleton<IClockControl>(clock));

        var move = Assert.Single(clock.Moves);
        Assert.InRange(move, TimeSpan.FromHours(19.5), TimeSpan.FromHours(43.5));
    }

    [Fact]
    public async Task Clock_alone_shows_the_time_and_says_it_is_kept_with_the_data()
    {
        var clock = new FakeClock();
        var run = await ConsoleRun.RunAsync(new FakeEngine(), "/clock\n", configure: s => s.AddSingleton<IClockControl>(clock));

        Assert.Empty(clock.Moves);
        Assert.Contains("on the bot's clock", run.Output);
        Assert.Contains(" Nov 2026, ", run.Output);
        Assert.Contains("kept with the data file", run.Output);
    }

    [Theory]
    [InlineData("/clock -1d", "The clock only moves forward")]
    [InlineData("/clock banana", "I couldn't read “banana” as an amount or a time.")]
    [InlineData("/clock +banana", "I couldn't read “+banana” as an amount.")]
    [InlineData("/clock +0d", "That wouldn't move the clock at all.")]
    [InlineData("/clock 2026-11-01 09:00", "Sun 1 Nov, 09:00 has already passed on the bot's clock")]
    [InlineData("/clock +500w", "/clock moves up to 5 years at a time")]
    [InlineData("/clock 2035-06-01 09:00", "is more than 5 years ahead")]
    public async Task A_clock_move_it_cannot_make_says_what_was_wrong_and_what_works(string line, string reason)
    {
        var clock = new FakeClock();
        var run = await ConsoleRun.RunAsync(new FakeEngine(), line + "\n", configure: s => s.AddSingleton<IClockControl>(clock));

        Assert.Empty(clock.Moves);
        Assert.Contains(reason, run.Output);
        Assert.True(run.Output.Contains("/clock +1y", StringComparison.Ordinal), run.Output);
        Assert.DoesNotContain("It's now", run.Output);
    }

    [Fact]
    public async Task Without_a_simulated_clock_it_says_so_and_nothing_reaches_the_engine()
    {
        var engine = new FakeEngine();
        var run = await ConsoleRun.RunAsync(engine, "/clock +2d\n");

        Assert.Contains("The clock can't be moved here.", run.Output);
        Assert.Empty(engine.Received);
    }

    [Fact]
    public async Task A_reminder_sent_by_the_scheduler_prints_and_its_buttons_can_be_pressed()
    {
        var engine = new FakeEngine();
        var clock = new FakeClock();
        IPlatformMessenger? messenger = null;
        clock.OnAdvance = () => messenger!.SendAsync(new Outbound(
            new ToUser(new Address("console", "local", "organizer")),
            [new TextBlock("Did your 1:1 with Maria happen?"), new ButtonsBlock([new Button("Held", "c:met #1"), new Button("Not needed", "c:followup 4 dismiss")])]),
            CancellationToken.None);

        var run = await ConsoleRun.RunAsync(engine, "/clock +1d\n2\n", configure: s => s.AddSingleton<IClockControl>(provider =>
        {
            // Resolved lazily: the console's messenger itself asks for the clock, to stamp what it prints.
            messenger = new LazyMessenger(provider);
            return clock;
        }));

        Assert.Contains("Did your 1:1 with Maria happen?", run.Output);
        var lines = run.Output.Split('\n');
        var nudge = Array.IndexOf(lines, "Did your 1:1 with Maria happen?");
        Assert.Matches(@"^— \w{3} \d{1,2} Nov 2026, \d\d:\d\d \(.+\) —$", lines[nudge - 1]);
        Assert.Contains("[2] Not needed", run.Output);
        Assert.Equal([new ButtonInput("c:followup 4 dismiss")], engine.Inputs);
    }

    private sealed class LazyMessenger(IServiceProvider services) : IPlatformMessenger
    {
        public string Platform => "console";

        public Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken) =>
            services.GetServices<IPlatformMessenger>().Single(m => m.Platform == "console").SendAsync(message, cancellationToken);
    }

    private sealed class FakeClock : IClockControl
    {
        public List<TimeSpan> Moves { get; } = [];

        public Func<Task>? OnAdvance { get; set; }

        public DateTimeOffset Now { get; private set; } = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

        public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
        {
            Moves.Add(by);
            Now += by;
            if (OnAdvance is not null)
            {
                await OnAdvance();
            }

            return Now;
        }
    }
}
