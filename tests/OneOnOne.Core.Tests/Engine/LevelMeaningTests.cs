using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Wherever an organizer places someone on the pyramid, each level says what it means (METHOD.md §7),
/// so the choice is about the person, not a guess at a word.
/// </summary>
public sealed class LevelMeaningTests : IAsyncLifetime
{
    private static readonly string[] Meanings =
    [
        "Follower: cares and follows along, not ready to do more yet",
        "Contributor: pitches in now and then, not at everything",
        "Active supporter: backs most of what we do, not ready to lead",
        "Core leader: takes the lead and can be counted on",
    ];

    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_outcome_flows_level_question_says_what_each_level_means()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("schedule Maria tomorrow 6pm at Cafe Luna");
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(9));
        await ana.Command("met Maria");

        await ana.Send("skip");
        (await ana.Send("skip")).Expect("engagement pyramid").Expect(Meanings);
        Assert.Equal(["Follower", "Contributor", "Active supporter", "Core leader", "Skip"], ana.Buttons.Select(b => b.Label));

        (await ana.Press("Contributor")).Expect("Reflecting on your 1:1 with Maria");
    }

    [Fact]
    public async Task Level_without_a_level_lists_what_each_one_means()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");

        (await ana.Command("level Maria")).Expect("Which level for Maria?", "level Maria active").Expect(Meanings);
        Assert.Equal(["Follower", "Contributor", "Active supporter", "Core leader"], ana.Buttons.Select(b => b.Label));

        (await ana.Press("Active supporter")).Expect("Maria is now placed as active supporter: backs most of what we do");
    }

    [Fact]
    public async Task A_level_that_does_not_exist_is_named_and_the_real_ones_explained()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");

        (await ana.Command("level Maria supreme")).Expect("“supreme” isn't a level").Expect(Meanings);
        Assert.Null(await _bot.QueryAsync(s => Task.FromResult(s.People.Single().Level)));
    }

    [Fact]
    public async Task Placing_someone_says_what_the_level_means()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");

        (await ana.Command("level Maria contributor"))
            .Expect("Maria is now placed as contributor", "pitches in now and then, not at everything");
        (await ana.Command("level Maria core"))
            .Expect("Maria moved up to core leader (was contributor)", "takes the lead and can be counted on");
    }

    [Fact]
    public void Every_level_choice_carries_its_meaning_within_what_a_select_option_can_show()
    {
        // Slack's option description takes 75 characters, Discord's 100: one line from the guide fits both.
        Assert.All(FlowChoices.Levels, c => Assert.InRange(c.Description?.Length ?? 0, 1, 75));
        Assert.Equal(Enum.GetValues<EngagementLevel>().Select(Labels.Meaning), FlowChoices.Levels.Select(c => c.Description));
    }
}
