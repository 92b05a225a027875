using Microsoft.EntityFrameworkCore;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// <c>list add</c> keeps both ways the organizer knows someone (METHOD.md §1: from an event, from a referral), in
/// either order, and says back what it kept.
/// </summary>
public sealed class ListSourceTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("list add Maria Lopez met at the rally referred by Jo Park")]
    [InlineData("list add Maria Lopez referred by Jo Park met at the rally")]
    public async Task Where_they_met_and_who_referred_them_are_both_kept_in_either_order(string command)
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command(command)).Expect("Added Maria Lopez to your list, met at the rally, referred by Jo Park.");

        Assert.Equal(("Maria Lopez", "the rally", "Jo Park"), await SourceOf("Maria Lopez"));
        (await ana.Command("list")).Expect("Maria Lopez (not placed yet, met at the rally, referred by Jo Park)");
    }

    [Fact]
    public async Task One_clause_alone_is_kept_alone()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("list add Maria Lopez met at the rally")).Expect("Added Maria Lopez to your list, met at the rally.");
        (await ana.Command("list add Sam Ortiz referred by Maria")).Expect("Added Sam Ortiz to your list, referred by Maria Lopez.");

        Assert.Equal(("Maria Lopez", "the rally", null), await SourceOf("Maria Lopez"));
        Assert.Equal(("Sam Ortiz", null, "Maria Lopez"), await SourceOf("Sam Ortiz"));
    }

    /// <summary>The markers are the phrases "met at" and "referred by", so "at" and "by" inside words and names are theirs.</summary>
    [Fact]
    public async Task At_and_by_inside_names_and_places_stay_where_they_were_written()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("list add Abby Batts referred by Matt Byrne met at Bywater Park by the lake"))
            .Expect("Added Abby Batts to your list, met at Bywater Park by the lake, referred by Matt Byrne.");

        Assert.Equal(("Abby Batts", "Bywater Park by the lake", "Matt Byrne"), await SourceOf("Abby Batts"));
    }

    [Fact]
    public async Task Someone_already_listed_shows_what_their_record_now_holds()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez met at the rally");

        (await ana.Command("list add Maria Lopez referred by Jo Park"))
            .Expect("Maria Lopez is already on your list, met at the rally, referred by Jo Park.");
        (await ana.Command("list add Maria Lopez referred by Sam Ortiz"))
            .Expect("Maria Lopez is already on your list, met at the rally, referred by Jo Park.")
            .ExpectNot("referred by Sam");
    }

    [Fact]
    public async Task A_clause_with_nothing_after_its_marker_is_left_out()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("list add Maria Lopez met at referred by Jo Park")).Expect("Added Maria Lopez to your list, referred by Jo Park.");

        Assert.Equal(("Maria Lopez", null, "Jo Park"), await SourceOf("Maria Lopez"));
    }

    /// <summary>What <c>list add</c> recorded is offered at <c>plan</c>'s "how do you know them?", not asked for again.</summary>
    [Fact]
    public async Task Plan_offers_where_they_met_and_who_referred_them_and_skip_keeps_it()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez met at the rally referred by Jo Park");

        await ana.Command("plan Maria");
        await AnswerUpToTheConnectionQuestion(ana);

        ana.Expect("How do you know Maria Lopez?", "So far I have: “we met at the rally”; Jo Park referred them", "`skip` to keep that")
            .ExpectNot("For example: “we met at the kickoff”");
        await ana.Send("skip");
        Assert.Equal("we met at the rally", await _bot.QueryAsync(s => s.Meetings.Select(m => m.Prep.Connection).SingleAsync()));
    }

    [Fact]
    public async Task Plan_asks_plainly_when_nothing_is_recorded_and_says_a_referral_alone()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Sam Ortiz referred by Maria");

        await ana.Command("plan Maria");
        await AnswerUpToTheConnectionQuestion(ana);
        ana.Expect("How do you know Maria Lopez?", "For example: “we met at the kickoff”").ExpectNot("So far I have");
        await ana.Command("cancel");

        await ana.Command("plan Sam");
        await AnswerUpToTheConnectionQuestion(ana);
        ana.Expect("So far I have: Maria Lopez referred them").ExpectNot("“");
    }

    /// <summary>Goal (required), then why, interest, what they know, their story: the connection question is next.</summary>
    private static async Task AnswerUpToTheConnectionQuestion(Conversation organizer)
    {
        await organizer.Send("come to the tenants' meeting");
        for (var i = 0; i < 4; i++)
        {
            await organizer.Send("skip");
        }
    }

    private Task<(string Name, string? MetAt, string? ReferredBy)> SourceOf(string name) =>
        _bot.QueryAsync(async s =>
        {
            var found = await s.Relationships.Where(r => r.Person.Name == name)
                .Select(r => new { r.Person.Name, r.MetAt, ReferredBy = r.ReferredBy != null ? r.ReferredBy.Name : null })
                .SingleAsync();
            return (found.Name, found.MetAt, found.ReferredBy);
        });
}
