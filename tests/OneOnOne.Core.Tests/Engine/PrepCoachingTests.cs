using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Preparing a 1:1 coaches for the kind of 1:1 it is (METHOD.md §2, §9), and a first-timer hears that the first
/// ones feel awkward.
/// </summary>
public sealed class PrepCoachingTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_escalation_prep_asks_for_the_role_and_never_says_to_keep_it_general()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        await ana.Command("plan Maria escalation");
        ana.Expect("An escalation 1:1 with Maria Lopez", "the role you have in mind").ExpectNot("save the ask");
        await ana.Send("lead the Saturday shift");
        await ana.Send("skip");
        await ana.Send("skip");
        await ana.Send("skip");
        await ana.Send("skip");
        await ana.Send("skip");
        ana.ExpectNot("Keep it general");
        await ana.Send("skip");
        ana.ExpectNot("save the ask", "second meeting");
        await ana.Send("skip");

        ana.Expect("Your prep for Maria Lopez is saved", "No ask yet", "an escalation 1:1")
            .ExpectNot("that's fine for a first meeting");
    }

    [Fact]
    public async Task A_recruitment_prep_keeps_the_first_meeting_general_and_may_save_the_ask()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        await ana.Command("plan Maria recruitment");

        ana.Expect("A recruitment 1:1 with Maria Lopez", "keep the invitation general", "save the ask for a second meeting");
    }

    [Fact]
    public async Task A_maintenance_prep_looks_for_a_small_next_step()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        await ana.Command("plan Maria maintenance");

        ana.Expect("A maintenance 1:1 with Maria Lopez", "a small next step").ExpectNot("save the ask");
    }

    [Theory]
    [InlineData("recruitment")]
    [InlineData("maintenance")]
    [InlineData("escalation")]
    public async Task A_1_1_still_to_book_hears_once_to_meet_face_to_face_for_30_to_45_minutes(string kind)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        (await ana.Command($"plan Maria {kind}")).Expect("meet face to face if you can, for 30 to 45 minutes");

        // Said in the opening, not again with the questions.
        (await ana.Send("lead the Saturday shift")).ExpectNot("face to face");
    }

    [Theory]
    [InlineData("at Cafe Luna")]
    [InlineData("at Zoom")]
    public async Task A_1_1_already_booked_is_planned_without_repeating_where_and_how_long(string place)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command($"schedule Maria tomorrow 6pm {place} for 40");

        (await ana.Command("plan Maria")).Expect("A recruitment 1:1 with Maria Lopez", "(1 of up to 9)").ExpectNot("face to face");
    }

    [Fact]
    public async Task The_first_plan_reassures_and_later_ones_do_not()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Sam Reyes");

        await ana.Command("plan Maria");
        ana.Expect("The first few 1:1s often feel awkward");
        await ana.Command("cancel");

        await ana.Command("plan Sam");
        ana.ExpectNot("feel awkward");
    }
}
