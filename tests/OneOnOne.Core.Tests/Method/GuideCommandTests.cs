using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Method;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Method;

/// <summary><c>guide</c>: the method at a glance, one topic a screen, found however the organizer spells it.</summary>
public sealed class GuideCommandTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Guide_alone_shows_the_topics_and_how_to_open_one()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("guide")).Expect(
            "The method at a glance",
            "`guide list`", "`guide invitation`", "`guide acts`", "`guide questions`", "`guide ask`",
            "`guide reflection`", "`guide referrals`", "`guide pyramid`", "`guide follow-up`",
            "e.g. `guide ask`");
    }

    [Fact]
    public async Task The_ask_topic_teaches_the_answers_and_ends_with_what_to_type()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("guide ask")).Expect(
            "The ask and its answers", "clear, specific ask", "Yes:", "Maybe:", "No:", "date", "alternative", "`met Maria`");
    }

    [Fact]
    public async Task The_pyramid_topic_names_every_level_and_how_to_move_people_up()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("guide pyramid")).Expect(
            "Follower", "Contributor", "Active supporter", "Core leader", "small steps", "`level Maria contributor`");
    }

    /// <summary>The guide screen and the pocket guide teach the five acts and the habits in the same words, from one source.</summary>
    [Fact]
    public async Task The_acts_screen_and_the_pocket_guide_say_the_acts_and_habits_alike()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("guide acts")).Expect("The five acts of a 1:1");
        var screen = ana.LastText;
        var card = string.Join('\n', PocketGuide.Build(1, new Meeting { Kind = MeetingKind.Recruitment }, "Maria Lopez", TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch)
            .Blocks.OfType<TextBlock>().Select(t => t.Text));

        string[] shared = [TheMeeting.NumberedActs, TheMeeting.WhatItIsNot, TheMeeting.Qualities, TheMeeting.Listening];
        Assert.All(shared, sentence => Assert.Contains(sentence, screen, StringComparison.Ordinal));
        Assert.All(shared, sentence => Assert.Contains(sentence, card, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("guide pyr", "The engagement pyramid")]
    [InlineData("guide levels", "The engagement pyramid")]
    [InlineData("guide Five Acts", "The five acts")]
    [InlineData("guide the five acts", "The five acts")]
    [InlineData("guide invite", "The invitation")]
    [InlineData("guide followup", "Follow up")]
    [InlineData("guide goal", "Your list and your goal")]
    [InlineData("guide 8", "The engagement pyramid")]
    public async Task Topic_names_are_forgiving(string command, string title)
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command(command)).Expect(title).ExpectNot("The method at a glance");
    }

    [Fact]
    public async Task An_unknown_topic_is_named_and_the_topics_listed()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("guide fundraising")).Expect("“fundraising”", "`guide pyramid`", "`guide ask`");
    }

    [Fact]
    public async Task A_prefix_that_fits_two_topics_asks_which_one()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("guide re")).Expect("“re”", "`guide reflection`", "`guide referrals`").ExpectNot("`guide pyramid`");
    }

    [Fact]
    public async Task Help_lists_the_guide_with_an_example()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("help")).Expect("New to 1:1s? `guide`", "`guide [<topic>]`", "e.g. `guide ask`");
    }
}
