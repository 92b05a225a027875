using Microsoft.Data.Sqlite;

namespace OneOnOne.Bot.Tests;

/// <summary>The real host, in console mode, on a real SQLite file: run, stop, run again.</summary>
public sealed class ConsoleEndToEndTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_piped_script_walks_the_method_and_a_restart_finds_everything()
    {
        var first = await _bot.RunAsync(
            "list add Maria Lopez met at the kickoff",
            "goal 6",
            "plan Maria",
            "come to the housing meeting on the 12th",
            "skip", "skip", "skip", "skip", "skip", "skip",
            "join the housing committee",
            "help with flyers",
            "schedule Maria tomorrow 6pm at Cafe Luna for 40",
            "met Maria",
            "1",
            "join the committee",
            "2026-12-18",
            "Not yet",
            "Contributor",
            "we grew up on the same street",
            "skip", "skip", "skip", "skip",
            "Sam Ortiz",
            "skip", "skip", "skip",
            "Yes",
            "level Maria active",
            "person Maria",
            "status",
            "digest",
            "plan Sam",
            "come to a house meeting");

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.DoesNotContain("Exception", first.Output);

        // A first start creates the file through every migration; a newcomer sees no warnings on the way.
        Assert.DoesNotContain("warn:", first.Output + first.Errors);
        Assert.Contains("Added Maria Lopez to your list", first.Output);
        Assert.Contains("Goal set: 6", first.Output);
        Assert.Contains("Your prep for Maria Lopez is saved", first.Output);
        Assert.Contains("40 minutes at Cafe Luna", first.Output);
        Assert.Contains("Maria Lopez said yes: join the committee", first.Output);
        Assert.Contains("New on your list, referred by Maria Lopez: Sam Ortiz", first.Output);
        Assert.Contains("moved up to active supporter (was contributor)", first.Output);
        Assert.Contains("1 of 6 1:1s held", first.Output);
        Assert.Contains("1:1s held this week: 1", first.Output);
        Assert.True(File.Exists(Path.Combine(_bot.WorkingDirectory, "data", "files", "one-on-one-maria-lopez.ics")));

        var second = await _bot.RunAsync("/person Maria", "/status", "/digest", "/continue", "his landlord", "cancel");

        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.Contains("contributor (", second.Output);
        Assert.Contains("active supporter (", second.Output);
        Assert.Contains("ask: join the housing committee → yes", second.Output);
        Assert.Contains("Referred you to: Sam Ortiz", second.Output);
        Assert.Contains("Common ground: we grew up on the same street", second.Output);
        Assert.Contains("Maria Lopez: join the committee (by Fri 18 Dec)", second.Output);
        Assert.Contains("1 of 6 toward their 4-week goal", second.Output);
        Assert.Contains("(2 of up to 9) Why might Sam Ortiz want to do that?", second.Output);
        Assert.Contains("(3 of up to 9)", second.Output);
        Assert.Contains("closed “Preparing your 1:1 with Sam Ortiz”", second.Output);
    }

    [Fact]
    public async Task After_a_restart_mid_prep_the_question_is_shown_first_and_a_typed_status_is_not_stored_as_its_answer()
    {
        var first = await _bot.RunAsync(
            "list add Maria", "plan Maria", "come to the housing meeting", "her rent went up", "keeping her kids in their school");
        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("(4 of up to 9) What do you already know about Maria", first.Output);

        var second = await _bot.RunAsync("status", "Run status", "a nurse at the clinic");

        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.StartsWith("Welcome back! We were in the middle of “Preparing your 1:1 with Maria”", second.Output);
        Assert.Contains("Did you mean the command `status`, or is “status” your answer?", second.Output);
        Assert.Contains("Where you are", second.Output);
        Assert.Contains("(5 of up to 9) What do you want Maria to learn about you?", second.Output);

        var (step, answers) = await ActiveRunAsync();
        Assert.Equal("story", step);
        Assert.Contains("\"known\":\"a nurse at the clinic\"", answers);
        Assert.DoesNotContain("status", answers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bad_input_gets_words_not_a_stack_trace()
    {
        var run = await _bot.RunAsync("frobnicate", "person Nobody", "schedule", new string('x', 10_000), "/bogus");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("I don't know the command “frobnicate”", run.Output);
        Assert.Contains("I don't know anyone called “Nobody”", run.Output);
        Assert.Contains("more than I can take in one go", run.Output);
        Assert.Contains("I don't know the command “bogus”", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
        Assert.DoesNotContain("Exception", run.Output);
    }

    private async Task<(string Step, string Answers)> ActiveRunAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT \"Step\", \"AnswersJson\" FROM \"FlowRuns\" WHERE \"Status\" = 'Active'";
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "No flow is waiting for an answer.");
        return (reader.GetString(0), reader.GetString(1));
    }
}
