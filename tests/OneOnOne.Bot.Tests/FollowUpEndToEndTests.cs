namespace OneOnOne.Bot.Tests;

/// <summary>
/// The follow-up cycle as a newcomer sees it in the console: schedule, fast-forward with /clock, get the
/// pocket guide and the digest, kill the bot, restart, and get the rest, each exactly once.
/// </summary>
public sealed class FollowUpEndToEndTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Reminders_and_the_digest_arrive_on_the_simulated_clock_and_a_killed_bot_sends_each_once()
    {
        var now = DateTimeOffset.UtcNow;
        var meetingDay = now.UtcDateTime.Date.AddDays(2);
        var digestDay = now.UtcDateTime.Date.AddDays(1).DayOfWeek.ToString().ToLowerInvariant();

        // Run 1: set up, jump past the pocket guide (and the digest the day before), then kill the bot.
        var first = await _bot.RunAndKillAsync(
            "It's now",
            1,
            "list add Maria Lopez",
            $"schedule Maria {meetingDay:yyyy-MM-dd} 12:00 at Cafe Luna",
            "digest channel #team",
            $"digest time {digestDay} 10:00",
            $"/clock +{MinutesUntil(meetingDay.AddHours(11).AddMinutes(30))}m");

        Assert.Equal(1, Occurrences(first, "is coming up"));
        Assert.Equal(1, Occurrences(first, "Team digest"));
        Assert.True(File.Exists(Path.Combine(_bot.WorkingDirectory, "data", "files",
            $"team-digest-{meetingDay.AddDays(-1):yyyy-MM-dd}.png")), first);
        Assert.Equal(0, Occurrences(first, "Did your 1:1"));

        // Run 2: a fresh process on the same file. The clock carries on from 11:30, so two more hours reach 13:30.
        var second = await _bot.RunAsync(
            "/clock +2h",
            "Held",
            "Yes",
            "come to the housing meeting",
            "skip",
            "Not yet",
            "Contributor",
            "cancel",
            "/clock +3h");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, Occurrences(second.Output, "is coming up"));
        Assert.Equal(0, Occurrences(second.Output, "Team digest"));
        Assert.Equal(1, Occurrences(second.Output, "Did your 1:1 with Maria Lopez"));
        Assert.Contains("Maria Lopez said yes: come to the housing meeting", second.Output);
        Assert.Equal(1, Occurrences(second.Output, "Reflect now"));
        Assert.Equal(1, Occurrences(second.Output, "A quick thank-you to Maria Lopez"));
    }

    private static int MinutesUntil(DateTime utc) =>
        (int)Math.Ceiling((utc - DateTime.UtcNow).TotalMinutes);

    private static int Occurrences(string text, string fragment) =>
        (text.Length - text.Replace(fragment, string.Empty, StringComparison.Ordinal).Length) / fragment.Length;
}
