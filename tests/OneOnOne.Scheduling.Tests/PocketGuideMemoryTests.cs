using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;
using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>The pocket guide before a further 1:1 recalls what the organizer noted after the last one, and only theirs.</summary>
public sealed class PocketGuideMemoryTests : IAsyncLifetime
{
    private readonly RecordingMessenger _platform = new();
    private readonly BotHarness _bot;

    public PocketGuideMemoryTests() =>
        _bot = new BotHarness(services => services
            .AddOneOnOneDispatch()
            .AddSingleton<IPlatformMessenger>(_platform));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_next_pocket_guide_says_what_you_noted_last_time()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("met Maria");
        await ana.Send("skip");
        await ana.Send("skip");
        await ana.Send("skip");
        var answers = new[]
        {
            "skip", "keeping her kids in their school", "skip", "skip", "skip", "skip", "skip", "talk less about myself", "skip", "skip",
        };
        foreach (var answer in answers)
        {
            await ana.Send(answer);
        }

        ana.Expect("Reflection saved");

        var ben = _bot.Organizer("Ben");
        await ben.Command("list add Maria Lopez");
        await ben.Command("schedule Maria tomorrow 6pm");
        await ana.Command("schedule Maria tomorrow 5pm");

        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(6)); // Friday 16:00: Ana's guide is due.
        await _bot.DispatchAsync();
        _bot.Time.Advance(TimeSpan.FromHours(1)); // 17:00: Ben's.
        await _bot.DispatchAsync();

        var texts = _platform.Texts();
        var anas = Assert.Single(texts, t => t.Contains("Your 1:1 with Maria Lopez is coming up", StringComparison.Ordinal) && t.Contains("17:00", StringComparison.Ordinal));
        Assert.Contains("Last time you noted\nCares about: keeping her kids in their school\nYou'd do differently: talk less about myself", anas);
        var bens = Assert.Single(texts, t => t.Contains("Your 1:1 with Maria Lopez is coming up", StringComparison.Ordinal) && t.Contains("18:00", StringComparison.Ordinal));
        Assert.DoesNotContain("Last time", bens);
        Assert.DoesNotContain("keeping her kids", bens);
    }
}
