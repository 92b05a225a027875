using System.Globalization;
using System.Text.RegularExpressions;

namespace OneOnOne.Bot.Tests;

/// <summary>The console's simulated clock is kept in the data file: a restart carries on where it was.</summary>
public sealed partial class SimulatedClockEndToEndTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task After_a_restart_the_clock_is_where_it_was_and_status_and_digest_agree()
    {
        var first = await _bot.RunAsync(
            "list add Maria",
            "goal 6",
            "schedule Maria tomorrow 6pm",
            "/clock +2d",
            "met Maria",
            "skip",
            "skip",
            "Contributor",
            "cancel",
            "status",
            "digest");

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("1 of 6 1:1s held", first.Output);
        Assert.Contains("1 of 6 toward their 4-week goal", first.Output);
        var movedTo = Read(MovedClock().Match(first.Output));

        var second = await _bot.RunAsync("/clock", "status", "digest");

        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.Contains("kept with the data file", second.Output);
        var afterRestart = Read(ShownClock().Match(second.Output));
        Assert.InRange(afterRestart, movedTo, movedTo.AddMinutes(30)); // only the real time between the runs added
        Assert.Contains("1 of 6 1:1s held", second.Output);
        Assert.Contains("1:1s held this week: 1", second.Output);
        Assert.Contains("1 of 6 toward their 4-week goal", second.Output);
    }

    private static DateTime Read(Match shown)
    {
        Assert.True(shown.Success, "the clock's time was not printed");
        return DateTime.ParseExact(shown.Groups["at"].Value, "ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"It's now (?<at>\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d) \(")]
    private static partial Regex MovedClock();

    [GeneratedRegex(@"It's (?<at>\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d) \(.+\) on the bot's clock")]
    private static partial Regex ShownClock();
}
