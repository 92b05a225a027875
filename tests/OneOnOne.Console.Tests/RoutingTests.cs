using OneOnOne.Core.Messaging;
using static OneOnOne.Console.Tests.FakeEngine;

namespace OneOnOne.Console.Tests;

public class RoutingTests
{
    [Fact]
    public async Task Plain_text_goes_to_the_engine_as_a_reply_from_the_default_organizer()
    {
        var engine = new FakeEngine();

        await ConsoleRun.RunAsync(engine, "plan Maria\n");

        var inbound = Assert.Single(engine.Received);
        Assert.Equal(new Address("console", "local", "organizer"), inbound.From);
        Assert.Equal("Organizer", inbound.DisplayName);
        Assert.Equal(new ReplyInput("plan Maria"), inbound.Input);
        Assert.Null(inbound.EventId);
    }

    [Fact]
    public async Task Slash_one_on_one_and_its_alias_are_commands_carrying_the_rest_of_the_line()
    {
        var engine = new FakeEngine();

        await ConsoleRun.RunAsync(engine, "/one-on-one plan Maria\n/1on1   list  \n/one-on-one\n");

        Assert.Equal(
            [new CommandInput("plan Maria"), new CommandInput("list"), new CommandInput("")],
            engine.Inputs);
    }

    [Fact]
    public async Task Blank_lines_are_ignored()
    {
        var engine = new FakeEngine();

        await ConsoleRun.RunAsync(engine, "\n   \nhello\n\n");

        Assert.Equal([new ReplyInput("hello")], engine.Inputs);
    }

    [Fact]
    public async Task Any_other_slash_word_is_a_bot_command_so_commands_work_mid_question()
    {
        var engine = new FakeEngine();

        await ConsoleRun.RunAsync(engine, "/status\n/plan Maria\n/one-on-onex\n");

        Assert.Equal(
            [new CommandInput("status"), new CommandInput("plan Maria"), new CommandInput("one-on-onex")],
            engine.Inputs);
    }

    [Fact]
    public async Task A_button_is_pressed_by_its_number_across_rows_or_by_its_label()
    {
        var engine = new FakeEngine().Respond(_ =>
        [
            Say(
                new TextBlock("Did you meet Maria?"),
                new ButtonsBlock([new Button("Yes", "met:yes"), new Button("Maybe", "met:maybe")]),
                new ButtonsBlock([new Button("No", "met:no")])),
        ]);

        await ConsoleRun.RunAsync(engine, "did we?\n3\nmaybe\n 1 \n");

        Assert.Equal(
            [new ReplyInput("did we?"), new ButtonInput("met:no"), new ButtonInput("met:maybe"), new ButtonInput("met:yes")],
            engine.Inputs);
    }

    [Fact]
    public async Task A_number_or_word_that_matches_no_button_is_a_reply()
    {
        var engine = new FakeEngine().RespondTo(0,
            Say(new ButtonsBlock([new Button("Yes", "yes"), new Button("No", "no")])));

        await ConsoleRun.RunAsync(engine, "start\n3\n0\nperhaps\n");

        Assert.Equal(
            [new ReplyInput("start"), new ReplyInput("3"), new ReplyInput("0"), new ReplyInput("perhaps")],
            engine.Inputs);
    }

    [Fact]
    public async Task Only_the_buttons_of_the_last_message_printed_can_be_pressed()
    {
        var engine = new FakeEngine().RespondTo(0,
            Say(new ButtonsBlock([new Button("Yes", "yes")])),
            Say(new TextBlock("Anything else?")));

        await ConsoleRun.RunAsync(engine, "start\n1\nyes\n");

        Assert.Equal([new ReplyInput("start"), new ReplyInput("1"), new ReplyInput("yes")], engine.Inputs);
    }

    [Fact]
    public async Task Each_line_gets_its_own_engine_scope()
    {
        var engine = new FakeEngine();

        var run = await ConsoleRun.RunAsync(engine, "one\ntwo\n/as Juan\nthree\n");

        // Plus one for each look for questions left waiting: at start, and for Juan.
        Assert.Equal(5, run.EngineScopes);
    }

    [Fact]
    public async Task At_start_and_on_switching_organizer_the_engine_is_asked_what_waits_and_it_shows_before_any_line()
    {
        var engine = new FakeEngine()
            .OnResume(who => who.User == "ana" ? [Say(new TextBlock("Welcome back! (4/9) What do you already know?"))] : [])
            .Respond(inbound => [Say(new TextBlock($"got {((ReplyInput)inbound.Input).Text}"))]);

        var run = await ConsoleRun.RunAsync(engine, "status\n/as Juan\nhello\n", user: "Ana");

        Assert.Equal([new Address("console", "local", "ana"), new Address("console", "local", "juan")], engine.Resumed);
        Assert.StartsWith("Welcome back! (4/9) What do you already know?\n\ngot status\n", run.Output);
    }
}
