using OneOnOne.Adapters.Flows;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Tests.Unit;

public sealed class RendererTests
{
    private static readonly FlowDefinition Prep = new("prep", 1, "Preparing your 1:1 with {person}",
    [
        new Question("goal", "What do you hope {person} will commit to?", QuestionKind.Text) { Required = true },
        new Question("why", "Why might {person} want to?", QuestionKind.Text),
    ])
    { OfferAsForm = true };

    private static readonly FlowDefinition Outcome = new("outcome", 1, "How it went",
    [
        new Question("answer", "How did {person} answer?", QuestionKind.YesMaybeNo),
    ]);

    private readonly SlackMessageRenderer _renderer = new(new FlowCatalog([Prep, Outcome]));

    [Fact]
    public void Text_is_escaped_and_kept_plain()
    {
        var message = _renderer.Render([new HeaderBlock("Rent & <repairs>"), new TextBlock("Type `plan <name>` & go; <!channel>")]);

        var blocks = Assert.Single(message.Pages);
        Assert.Equal("Rent & <repairs>", Assert.IsType<HeaderLayout>(blocks[0]).Text.Text); // plain_text shows as is
        var section = Assert.IsType<SectionLayout>(blocks[1]);
        Assert.Equal("mrkdwn", section.Text!.Type);
        Assert.Equal("Type `plan &lt;name&gt;` &amp; go; &lt;!channel&gt;", section.Text.Text);
        Assert.Equal("Rent &amp; &lt;repairs&gt;\nType `plan &lt;name&gt;` &amp; go; &lt;!channel&gt;", message.Text);
    }

    [Fact]
    public void Long_text_and_many_blocks_are_split_within_Slacks_limits()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"• Person number {i} & friends: not contacted yet"));
        var blocks = Enumerable.Range(0, 60).Select(i => (Block)new TextBlock($"Line {i}")).Prepend(new TextBlock(lines)).ToList();

        var message = _renderer.Render(blocks);

        var all = message.Pages.SelectMany(p => p).ToList();
        Assert.All(message.Pages, page => Assert.InRange(page.Count, 1, BlockKitLimits.MessageBlocks));
        Assert.All(all.OfType<SectionLayout>(), s => Assert.InRange(s.Text!.Text.Length, 1, BlockKitLimits.SectionText));
        var rejoined = string.Join('\n', all.OfType<SectionLayout>().Select(s => s.Text!.Text).TakeWhile(t => !t.StartsWith("Line ", StringComparison.Ordinal)));
        Assert.Equal(SlackFormat.Escape(lines), rejoined);
        Assert.Equal(60, all.Count(b => b is SectionLayout { Text.Text: var t } && t.StartsWith("Line ", StringComparison.Ordinal)));
        Assert.InRange(message.Text.Length, 1, BlockKitLimits.MessageText);
    }

    [Fact]
    public void Buttons_carry_their_payload_and_rows_and_labels_fit()
    {
        var buttons = Enumerable.Range(0, 30).Select(i => new Button(i == 0 ? new string('L', 100) : $"Choice {i}", $"a:7:q:{i}")).ToList();
        buttons.Add(new Button("Too long", new string('p', 2001)));

        var rows = _renderer.Render([new ButtonsBlock(buttons)]).Pages.Single().Cast<ActionsLayout>().ToList();

        Assert.Equal([25, 5], rows.Select(r => r.Elements.Count));
        var first = Assert.IsType<ButtonElement>(rows[0].Elements[0]);
        Assert.Equal("a:7:q:0", first.Value);
        Assert.Equal("btn:0", first.ActionId);
        Assert.Equal(BlockKitLimits.ButtonText, first.Text.Text.Length);
        Assert.Equal(rows[0].Elements.Count, rows[0].Elements.Select(e => e.ActionId).Distinct().Count());
    }

    [Fact]
    public void Fields_go_ten_to_a_section()
    {
        var fields = Enumerable.Range(0, 12).Select(i => new Field($"Label {i}", i == 0 ? new string('v', 5000) : "value & more")).ToList();

        var sections = _renderer.Render([new FieldsBlock(fields)]).Pages.Single().Cast<SectionLayout>().ToList();

        Assert.Equal([10, 2], sections.Select(s => s.Fields!.Count));
        Assert.All(sections.SelectMany(s => s.Fields!), f => Assert.InRange(f.Text.Length, 1, BlockKitLimits.FieldText));
        Assert.Equal("*Label 1*\nvalue &amp; more", sections[0].Fields![1].Text);
    }

    [Fact]
    public void Only_the_first_question_of_a_form_flow_offers_the_form()
    {
        var first = _renderer.Render([new TextBlock("(1/2) What?"), new QuestionBlock(12, "prep", "goal")]);
        var second = _renderer.Render([new TextBlock("(2/2) Why?"), new QuestionBlock(12, "prep", "why")]);
        var outcome = _renderer.Render([new TextBlock("(1/1) How?"), new QuestionBlock(13, "outcome", "answer")]);

        Assert.True(first.OffersForm);
        var offer = Assert.IsType<ButtonElement>(first.Pages.Single().OfType<ActionsLayout>().Single().Elements.Single());
        Assert.Equal((SlackMessageRenderer.FormActionId, "12"), (offer.ActionId, offer.Value));
        Assert.False(second.OffersForm);
        Assert.False(outcome.OffersForm);
        Assert.NotNull(outcome.Question);
    }

    [Fact]
    public void Files_ride_beside_the_message_and_the_home_keeps_its_buttons_when_long()
    {
        var message = _renderer.Render([new TextBlock("Here it is"), new FileBlock("a.ics", "text/calendar", [1, 2], "Calendar file")]);
        Assert.Single(message.Files);
        Assert.Single(message.Pages.Single());

        var status = Enumerable.Range(0, 150).Select(i => (Block)new TextBlock($"Line {i}")).ToList();
        var home = new SlackHomeBuilder(_renderer).Build(new HomeView(status, [new TextBlock("People")]));
        Assert.Equal("home", home.Type);
        Assert.Equal(BlockKitLimits.ViewBlocks, home.Blocks.Count);
        var actions = Assert.IsType<ActionsLayout>(home.Blocks[^1]);
        Assert.Contains(actions.Elements, e => e is ButtonElement { Value: var v } && v == Payloads.Command("x", "list").Payload);
    }

    [Fact]
    public void A_home_part_with_nothing_to_show_leaves_no_empty_space_behind()
    {
        var home = new SlackHomeBuilder(_renderer).Build(new HomeView([new TextBlock("Welcome")], []));

        Assert.IsType<SectionLayout>(home.Blocks[0]);
        Assert.IsType<DividerLayout>(home.Blocks[1]);
        Assert.IsNotType<DividerLayout>(home.Blocks[2]);
    }
}
