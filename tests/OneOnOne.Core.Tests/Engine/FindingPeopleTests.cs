using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Data;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Finding the person an organizer means: names match whatever the case and accents, a name that fits
/// several people is always asked about, and a name that isn't found gets an answer that fits the command.
/// </summary>
public sealed class FindingPeopleTests : IAsyncLifetime
{
    private readonly BotHarness _bot;

    public FindingPeopleTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>The same conversations on another database (<see cref="Postgres.OnPostgres{TTests}"/>).</summary>
    internal FindingPeopleTests(DatabaseProvider provider) => _bot = new BotHarness(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_name_typed_without_accents_or_capitals_finds_the_person()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add José Núñez met at the kickoff");

        (await ana.Command("person jose nunez")).Expect("José Núñez").ExpectNot("I don't know anyone", "list add");
        (await ana.Command("list add Jose NUNEZ")).Expect("José Núñez is already on your list");
        (await ana.Command("level JOSÉ nuñez active")).Expect("José Núñez is now placed as active supporter");

        Assert.Equal(1, await _bot.QueryAsync(s => s.People.CountAsync()));
    }

    [Fact]
    public async Task A_calendar_file_is_named_after_the_person_without_accents()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add José Núñez");
        await ana.Command("schedule jose tomorrow 6pm");
        Assert.Equal("one-on-one-jose-nunez.ics", Assert.Single(ana.Files).FileName);
    }

    [Fact]
    public async Task Adding_a_name_that_could_be_someone_on_the_list_asks_first()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Maria Santos");

        (await ana.Command("list add Maria")).Expect("Do you mean Maria Lopez or Maria Santos, or someone new?");
        Assert.Equal(2, await _bot.QueryAsync(s => s.People.CountAsync()));
        Assert.Equal(["Maria Lopez", "Maria Santos", "Someone new: add Maria"], ana.Buttons.Select(b => b.Label));

        (await ana.Press("Maria Santos")).Expect("Maria Santos is already on your list");
        Assert.Equal(2, await _bot.QueryAsync(s => s.People.CountAsync()));

        await ana.Command("list add Maria met at the picnic");
        (await ana.Press("Someone new")).Expect("Added Maria to your list");
        Assert.Equal("the picnic", await _bot.QueryAsync(s => s.Relationships.Where(r => r.Person.Name == "Maria").Select(r => r.MetAt).SingleAsync()));
    }

    [Fact]
    public async Task Adding_a_name_that_could_be_a_teammates_contact_asks_first()
    {
        var ben = _bot.Organizer("Ben");
        await ben.Command("list add Maria Lopez");
        var ana = _bot.Organizer("Ana");

        (await ana.Command("list add maria")).Expect("Do you mean Maria Lopez, or someone new?");
        (await ana.Press("Maria Lopez")).Expect("Added Maria Lopez to your list", "Ben also added Maria Lopez");
        Assert.Equal(1, await _bot.QueryAsync(s => s.People.CountAsync()));
    }

    [Fact]
    public async Task A_bare_first_name_that_also_fits_others_is_asked_about_not_guessed()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Maria Santos");

        (await ana.Command("met Maria")).Expect("More than one person fits “Maria”");
        Assert.Equal(3, ana.Buttons.Count);
        Assert.Equal(0, await _bot.QueryAsync(s => s.Meetings.CountAsync()));

        (await ana.Command("forget Maria")).Expect("More than one person fits “Maria”");
        (await ana.Command("person Maria Lopez")).Expect("Maria Lopez").ExpectNot("More than one");
    }

    [Fact]
    public async Task No_on_the_forget_question_says_what_was_kept()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        await ana.Command("forget Maria");
        (await ana.Press("No")).Expect("Kept everything about Maria Lopez").ExpectNot("Where you are");
    }

    [Fact]
    public async Task Typed_yes_or_no_answers_the_question_just_asked_like_its_buttons()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Sam Ortiz");

        await ana.Command("forget Maria");
        (await ana.Send("no")).Expect("Kept everything about Maria Lopez").ExpectNot("I don't know the command");

        await ana.Command("forget Sam");
        (await ana.Send("Yes")).Expect("erased what you recorded about Sam Ortiz");
        Assert.Equal(["Maria Lopez"], await _bot.QueryAsync(s => s.People.Select(p => p.Name).ToListAsync()));

        // A yes with no question waiting changes nothing and says so.
        (await ana.Send("yes")).Expect("nothing is waiting for a yes").ExpectNot("I don't know the command");
    }

    [Fact]
    public async Task A_typed_yes_only_answers_the_latest_message()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        await ana.Command("forget Maria");
        await ana.Command("list");
        (await ana.Send("yes")).Expect("nothing is waiting for a yes");

        await ana.Command("forget Maria");
        await _bot.Restart();
        (await ana.Send("y")).Expect("nothing is waiting for a yes", "forget");
        Assert.Equal(1, await _bot.QueryAsync(s => s.People.CountAsync()));
    }

    [Fact]
    public async Task A_level_that_isnt_one_is_named_when_the_person_is_clear()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Tom Baker");

        (await ana.Command("level Tom supreme leader"))
            .Expect("“supreme leader” isn't a level", "follower", "contributor", "active", "core")
            .ExpectNot("I don't know anyone");
        (await ana.Command("level Tom Baker core leader")).Expect("Tom Baker is now placed as core leader");
        (await ana.Command("level Tom")).Expect("Which level", "Tom Baker");
    }

    [Fact]
    public async Task Someone_not_found_gets_an_answer_that_fits_the_command()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("list remove Nobody")).Expect("Nobody isn't on your list").ExpectNot("list add");
        (await ana.Command("forget Nobody")).Expect("Nobody").ExpectNot("list add");
        (await ana.Command("plan Nobody")).Expect("list add Nobody");
    }

    [Fact]
    public async Task An_organizers_name_keeps_its_first_spelling_when_only_the_case_changes()
    {
        var capital = _bot.Organizer("Ben");
        await capital.Command("list");
        var lower = _bot.Organizer("ben");
        Assert.Equal(capital.Address, lower.Address);
        await lower.Command("list");
        Assert.Equal("Ben", await _bot.QueryAsync(s => s.Organizers.Select(o => o.DisplayName).SingleAsync()));

        await lower.DeliverAs(new Inbound(lower.Address, "Benjamin", new CommandInput("list")));
        Assert.Equal("Benjamin", await _bot.QueryAsync(s => s.Organizers.Select(o => o.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_greets_by_first_name_and_keeps_private_notes_out()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez met at her office");

        (await ana.Command("schedule Maria tomorrow 6pm at Cafe Luna"))
            .Expect("Hi Maria, this is Ana.", "at Cafe Luna")
            .ExpectNot("Hi Maria Lopez", "her office");
    }

    [Fact]
    public async Task An_invitation_from_an_unnamed_organizer_does_not_sign_with_a_placeholder()
    {
        var console = _bot.Organizer(Organizer.UnnamedDisplayName);
        await console.Command("list add Maria Lopez met at the kickoff");

        (await console.Command("schedule Maria tomorrow 6pm")).Expect("Hi Maria!", "We met at the kickoff").ExpectNot("this is Organizer");
    }

    [Fact]
    public async Task A_second_invitation_reads_like_a_follow_up()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez met at the kickoff");
        await ana.Command("met Maria");
        await ana.Command("cancel");

        (await ana.Command("schedule Maria tuesday 6pm"))
            .Expect("Hi Maria", "Good to talk last time")
            .ExpectNot("We met at the kickoff", "getting to know people");
    }

    [Fact]
    public async Task Counts_read_naturally()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("status")).ExpectNot("Goal: No goal");
        (await ana.Command("goal 1")).ExpectNot("1 1:1");

        await ana.Command("list add Maria Lopez");
        await ana.Command("met Maria");
        await ana.Command("cancel");
        (await ana.Command("list")).ExpectNot("1 1:1");
        (await ana.Command("export")).Expect("1 person").ExpectNot("1 people", "1 1:1");

        await ana.Command("level Maria follower");
        await ana.Command("level Maria core");
        (await ana.Command("level Maria active")).ExpectNot("change number");

        (await ana.Command("help")).ExpectNot("(e.g. `help`)", "(e.g. `status`)", "(e.g. `export`)");
    }
}
