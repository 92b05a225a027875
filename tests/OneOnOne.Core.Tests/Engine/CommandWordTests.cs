using Microsoft.EntityFrameworkCore;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// A line that is exactly a command word, typed while a free-text question waits, could be either: the
/// bot asks which rather than silently storing "status" as what the organizer knows about someone.
/// </summary>
public sealed class CommandWordTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private Conversation _ana = null!;

    public async Task InitializeAsync()
    {
        _ana = _bot.Organizer("Ana");
        await _ana.Command("list add Maria");
        await _ana.Command("plan Maria");
        (await _ana.Send("come to the housing meeting")).Expect("Why might Maria");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_command_word_is_asked_about_not_stored_and_can_run_as_the_command()
    {
        (await _ana.Send("status")).Expect("Did you mean the command `status`, or is “status” your answer?");
        Assert.False(await WasAnsweredAsync("why"));

        (await _ana.Press("Run status")).Expect("Where you are");
        Assert.False(await WasAnsweredAsync("why"));
    }

    [Fact]
    public async Task A_command_word_can_be_kept_as_the_answer()
    {
        (await _ana.Send("  Help ")).Expect("Did you mean the command `help`, or is “Help” your answer?");

        (await _ana.Press("It's my answer")).Expect("What might matter most to Maria");
        Assert.Contains("\"why\":\"Help\"", (await _bot.QueryAsync(s => s.FlowRuns.SingleAsync())).AnswersJson);
    }

    [Fact]
    public async Task Skip_and_cancel_keep_their_meaning_and_longer_lines_are_answers()
    {
        (await _ana.Send("skip")).Expect("What might matter most to Maria");
        (await _ana.Send("list of worries about rent")).Expect("What do you already know about Maria");
        (await _ana.Send("cancel")).Expect("closed “Preparing your 1:1 with Maria”");
    }

    private async Task<bool> WasAnsweredAsync(string questionId) =>
        (await _bot.QueryAsync(s => s.FlowRuns.SingleAsync())).AnswersJson.Contains($"\"{questionId}\"", StringComparison.Ordinal);
}
