using OneOnOne.Core.Messaging;
using static OneOnOne.Console.Tests.FakeEngine;

namespace OneOnOne.Console.Tests;

public class RenderingTests
{
    [Fact]
    public async Task Header_text_fields_and_buttons_render_as_plain_aligned_lines()
    {
        var engine = new FakeEngine().RespondTo(0, Say(
            new HeaderBlock("Maria Lopez"),
            new TextBlock("Here is what you know.\nAnd what you don't."),
            new FieldsBlock([new Field("Level", "3"), new Field("Next step", "Coffee"), new Field("Notes", "Teacher\nTwo kids")]),
            new QuestionBlock(7, "prep", "purpose"),
            new ButtonsBlock([new Button("Yes", "y"), new Button("Maybe", "m")]),
            new ButtonsBlock([new Button("No", "n")])));

        var run = await ConsoleRun.RunAsync(engine, "card Maria\n");

        Assert.Equal(
            """
            == Maria Lopez ==
            Here is what you know.
            And what you don't.
              Level:     3
              Next step: Coffee
              Notes:     Teacher
                         Two kids
              [1] Yes   [2] Maybe
              [3] No


            """.ReplaceLineEndings("\n"),
            run.Output);
    }

    [Fact]
    public async Task Messages_are_separated_by_a_blank_line_and_say_where_they_go()
    {
        var engine = new FakeEngine().RespondTo(0,
            Say(new TextBlock("Asked Juan for you.")),
            new Outbound(new ToUser(new Address("console", "local", "juan")), [new TextBlock("Maria wants to meet.")]),
            new Outbound(new ToUser(new Address("console", "local", "organizer")), [new TextBlock("Just for you.")]),
            new Outbound(new ToChannel("console", "local", "general"), [new TextBlock("A team win!")]));

        var run = await ConsoleRun.RunAsync(engine, "go\n");

        Assert.Equal(
            """
            Asked Juan for you.

            -> message for juan:
            Maria wants to meet.

            Just for you.

            -> posted in #general:
            A team win!


            """.ReplaceLineEndings("\n"),
            run.Output);
    }
}
