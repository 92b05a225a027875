using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>The pocket guide before a further 1:1 recalls what the organizer noted after the last one, and only theirs.</summary>
public sealed class PocketGuideMemoryTests : DispatchingBotTests
{
    [Fact]
    public async Task The_next_pocket_guide_says_what_you_noted_last_time()
    {
        var ana = Bot.Organizer("Ana");
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

        var ben = Bot.Organizer("Ben");
        await ben.Command("list add Maria Lopez");
        await ben.Command("schedule Maria tomorrow 6pm");
        await ana.Command("schedule Maria tomorrow 5pm");

        Bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(6)); // Friday 16:00: Ana's guide is due.
        await Bot.DispatchAsync();
        Bot.Time.Advance(TimeSpan.FromHours(1)); // 17:00: Ben's.
        await Bot.DispatchAsync();

        var texts = Platform.Texts();
        var anas = Assert.Single(texts, t => t.Contains("Your 1:1 with Maria Lopez is coming up", StringComparison.Ordinal) && t.Contains("17:00", StringComparison.Ordinal));
        Assert.Contains("Last time you noted\nCares about: keeping her kids in their school\nYou'd do differently: talk less about myself", anas);
        var bens = Assert.Single(texts, t => t.Contains("Your 1:1 with Maria Lopez is coming up", StringComparison.Ordinal) && t.Contains("18:00", StringComparison.Ordinal));
        Assert.DoesNotContain("Last time", bens);
        Assert.DoesNotContain("keeping her kids", bens);
    }
}
