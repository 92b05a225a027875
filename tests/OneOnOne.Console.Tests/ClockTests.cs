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
    public async Task Clock_alone_or_with_nonsense_shows_the_time_and_how_to_move_it()
    {
        var clock = new FakeClock();
        var run = await ConsoleRun.RunAsync(new FakeEngine(), "/clock\n/clock banana\n/clock +500w\n", configure: s => s.AddSingleton<IClockControl>(clock));

        Assert.Empty(clock.Moves);
        Assert.Equal(3, run.Output.Split("on the bot's clock").Length - 1);
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
            messenger = provider.GetServices<IPlatformMessenger>().Single(m => m.Platform == "console");
            return clock;
        }));

        Assert.Contains("Did your 1:1 with Maria happen?", run.Output);
        Assert.Contains("[2] Not needed", run.Output);
        Assert.Equal([new ButtonInput("c:followup 4 dismiss")], engine.Inputs);
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
