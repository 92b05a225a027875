using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>Bad input gets a clear answer and loses nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_unknown_subcommand_is_named_with_a_suggestion()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("shedule Maria tomorrow 6pm")).Expect("I don't know the command “shedule”", "Did you mean `schedule`?", "help");
        (await ana.Command("xyzzy")).Expect("I don't know the command “xyzzy”").ExpectNot("Did you mean");
    }

    [Fact]
    public async Task Empty_text_gets_a_greeting_that_points_to_help()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("")).Expect("help");
        (await ana.Command("   ")).Expect("help");
    }

    [Fact]
    public async Task Help_lists_every_subcommand_with_an_example()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("help");
        foreach (var command in new[] { "list", "goal", "plan", "schedule", "met", "reflect", "level", "person", "people",
                     "status", "cancel", "timezone", "export", "forget", "digest" })
        {
            ana.Expect($"`{command}");
        }
    }

    [Fact]
    public async Task A_ten_thousand_character_answer_is_refused_and_the_question_asked_again()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("plan Maria");
        (await ana.Send(new string('x', 10_000))).Expect("10,000 characters", "up to 2,000", "(1 of up to 9)", "What do you hope Maria");
        (await ana.Send("come to the meeting")).Expect("(2 of up to 9)");
    }

    [Fact]
    public async Task A_ten_thousand_character_command_is_refused()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("list add " + new string('m', 10_000))).Expect("more than I can take in one go");
        Assert.Equal(0, await _bot.QueryAsync(s => s.People.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_person_is_named_and_the_way_to_add_them_shown()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("person Nobody")).Expect("I don't know anyone called “Nobody”", "list add Nobody");
        (await ana.Command("met")).Expect("Who do you mean?");
    }

    [Fact]
    public async Task An_ambiguous_name_gets_a_question_never_a_guess()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Maria Chen");

        (await ana.Command("schedule maria tomorrow 6pm")).Expect("More than one person fits “maria”");
        Assert.Equal(0, await _bot.QueryAsync(s => s.Meetings.CountAsync()));

        (await ana.Press("Maria Chen")).Expect("Scheduled: Maria Chen, Fri 27 Nov, 18:00");
        (await ana.Command("person lopez")).Expect("Maria Lopez", "No 1:1s yet");
    }

    [Fact]
    public async Task People_can_be_named_by_platform_mentions()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("list add <@U123|maria> met at the kickoff")).Expect("Added maria to your list");
        (await ana.Command("person <@U123>")).Expect("Met at: the kickoff");
        (await ana.Command("level <@!U123> core")).Expect("maria is now placed as core leader");
        (await ana.Command("list add <@U123>")).Expect("already on your list");
        (await ana.Command("schedule <@U123|Maria Lopez> tomorrow 6pm at the library")).Expect("Scheduled: maria, Fri 27 Nov, 18:00", "at the library");
        Assert.Equal("U123", await _bot.QueryAsync(s => s.People.Select(p => p.ExternalUserId).SingleAsync()));
    }

    [Fact]
    public async Task An_unreadable_date_shows_the_accepted_forms()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        (await ana.Command("schedule Maria sometime soon")).Expect("I couldn't read “sometime soon”", "tomorrow 6pm", "2026-12-03 18:00");
        (await ana.Command("schedule Maria yesterday 6pm")).Expect("I couldn't read");
        (await ana.Command("schedule Maria 2026-11-01 18:00")).Expect("has already passed");
        Assert.Equal(0, await _bot.QueryAsync(s => s.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Long_and_far_meetings_are_accepted_with_a_gentle_warning()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        (await ana.Command("schedule Maria 2026-12-20 10:00 at the park for 90"))
            .Expect("90 minutes at the park", "over an hour", "more than two weeks away");
    }

    [Fact]
    public async Task A_required_question_cannot_be_skipped()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("plan Maria");
        (await ana.Send("skip")).Expect("can't skip it", "(1 of up to 9)");
    }

    [Fact]
    public async Task A_choice_question_accepts_typed_labels_and_refuses_nonsense()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("met Maria");
        (await ana.Send("perhaps")).Expect("Please pick one of: Yes, Maybe, No");
        (await ana.Send("no")).Expect("date and time, or to the activity");
        (await ana.Send("the activity")).Expect("Did you and Maria agree on your next conversation?");
        (await ana.Send("not yet")).Expect("engagement pyramid");
    }

    [Fact]
    public async Task Starting_a_flow_while_another_waits_offers_to_continue_or_leave()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("list add Sam");
        await ana.Command("plan Maria");
        (await ana.Command("met Sam")).Expect("still in the middle of “Preparing your 1:1 with Maria”");
        Assert.Equal(0, await _bot.QueryAsync(s => s.Meetings.CountAsync(m => m.Status == Domain.MeetingStatus.Held)));

        (await ana.Press("Continue it")).Expect("(1 of up to 9)", "Maria");
        (await ana.Send("cancel")).Expect("closed “Preparing your 1:1 with Maria”");
        (await ana.Command("met Sam")).Expect("How did Sam answer");
    }

    [Fact]
    public async Task A_button_from_a_closed_flow_does_nothing_harmful()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("met Maria");
        var yes = ana.Buttons.Single(b => b.Label == "Yes");
        await ana.Command("cancel");
        (await ana.Deliver(new ButtonInput(yes.Payload))).Expect("already closed");
        (await ana.Deliver(new ButtonInput("garbage"))).Expect("help");
    }

    [Fact]
    public async Task A_redelivered_event_is_handled_once()
    {
        var ana = _bot.Organizer("Ana");
        var eventId = ana.NextEventId();
        (await ana.Deliver(new CommandInput("list add Maria"), eventId)).Expect("Added Maria");
        await ana.Deliver(new CommandInput("list add Maria"), eventId);
        Assert.Empty(ana.Last);
        Assert.Equal(1, await _bot.QueryAsync(s => s.ProcessedEvents.CountAsync()));
    }

    [Fact]
    public async Task Help_and_unknown_commands_are_answered_without_touching_the_database()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Deliver(new CommandInput("help"), ana.NextEventId())).Expect("What I can do");
        (await ana.Deliver(new CommandInput("/one-on-one halp"), ana.NextEventId())).Expect("Did you mean `help`?");

        Assert.Equal(0, await _bot.QueryAsync(s => s.Organizers.CountAsync()));
        Assert.Equal(0, await _bot.QueryAsync(s => s.ProcessedEvents.CountAsync()));
    }

    [Fact]
    public async Task The_same_first_event_delivered_several_times_at_once_is_answered_once()
    {
        var copies = Enumerable.Range(1, 6).Select(_ => _bot.Organizer("Newcomer", workspace: "T-race")).ToList();
        await Task.WhenAll(copies.Select(c => Task.Run(() => c.Deliver(new CommandInput("list add Maria"), "same-event"))));

        Assert.Equal(1, copies.Count(c => c.Last.Count > 0));
        Assert.Equal(1, await _bot.QueryAsync(s => s.People.CountAsync(p => p.Name == "Maria")));
        Assert.Equal(1, await _bot.QueryAsync(s => s.Organizers.CountAsync(o => o.Team.ExternalId == "T-race")));
    }

    [Fact]
    public async Task First_messages_from_a_new_workspace_arriving_together_all_get_answered()
    {
        var organizers = Enumerable.Range(1, 8).Select(i => _bot.Organizer($"Person {i}", workspace: "T-new")).ToList();
        await Task.WhenAll(organizers.Select(o => Task.Run(() => o.Deliver(new CommandInput("list add Maria"), o.NextEventId()))));

        foreach (var organizer in organizers)
        {
            organizer.Expect("Maria");
        }

        Assert.Equal(1, await _bot.QueryAsync(s => s.Teams.CountAsync(t => t.ExternalId == "T-new")));
        Assert.Equal(8, await _bot.QueryAsync(s => s.Organizers.CountAsync()));
    }

    [Fact]
    public async Task Two_organizers_notes_are_kept_apart()
    {
        var ana = _bot.Organizer("Ana");
        var ben = _bot.Organizer("Ben");
        await ana.Command("list add Maria Lopez");
        await ana.Command("note Maria: worried about her landlord");

        (await ben.Command("list add maria lopez")).Expect("Heads-up: Ana also added Maria Lopez recently").ExpectNot("landlord");
        (await ben.Command("person Maria")).Expect("Also in touch: Ana").ExpectNot("landlord", "private notes");
        (await ana.Command("person Maria")).Expect("worried about her landlord", "Also in touch: Ben");
        (await ben.Command("digest")).ExpectNot("landlord");
        Assert.Equal(1, await _bot.QueryAsync(s => s.People.CountAsync()));
    }

    [Fact]
    public async Task Teams_do_not_see_each_others_people()
    {
        var ana = _bot.Organizer("Ana", workspace: "T1");
        var zoe = _bot.Organizer("Zoe", workspace: "T2");
        await ana.Command("list add Maria");
        (await zoe.Command("person Maria")).Expect("I don't know anyone called “Maria”");
        (await zoe.Command("digest")).Expect("1:1s held this week: 0").ExpectNot("Ana");
    }
}
