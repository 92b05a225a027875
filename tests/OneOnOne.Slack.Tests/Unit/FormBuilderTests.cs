using OneOnOne.Core.Flows;
using OneOnOne.Slack.Forms;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Tests.Unit;

public sealed class FormBuilderTests
{
    private static readonly FlowDefinition Flow = new("prep", 1, "Preparing your 1:1 with {person}",
    [
        new Question("goal", "What will {person} commit to?", QuestionKind.Text) { Required = true, MaxLength = 5000, Hint = "Be specific." },
        new Question("answer", "How did {person} answer?", QuestionKind.YesMaybeNo),
        new Question("level", "Where is {person}?", QuestionKind.Level),
        new Question("pick", "Pick one", QuestionKind.Choice)
        {
            Required = true,
            Choices = Enumerable.Range(1, 7).Select(i => new Choice($"c{i}", $"Choice {i}")).ToList(),
            ShownIf = new ShowIf("answer", "yes", "maybe"),
        },
        new Question("who", "Who else?", QuestionKind.People),
        new Question("when", "By when?", QuestionKind.DateTime),
    ])
    { FormTitle = "Prepare your 1:1" };

    [Fact]
    public void Each_question_becomes_an_input_keyed_by_its_id()
    {
        var view = SlackFormBuilder.Build(Flow, SlackFormState.Start(7), "Maria Lopez");

        Assert.Equal("modal", view.Type);
        Assert.Equal("Prepare your 1:1", view.Title!.Text);
        Assert.Equal("7", view.PrivateMetadata);
        Assert.Equal("Save", view.Submit!.Text);
        var inputs = view.Blocks.OfType<InputLayout>().ToDictionary(i => i.BlockId!);
        Assert.Equal(["goal", "answer", "level", "pick", "who", "when"], inputs.Keys);
        Assert.Equal("What will Maria Lopez commit to?", inputs["goal"].Label.Text);
        Assert.Null(inputs["goal"].Optional);
        Assert.Equal(BlockKitLimits.InputMaxLength, Assert.IsType<PlainTextInputElement>(inputs["goal"].Element).MaxLength);
        Assert.Equal(3, Assert.IsType<RadioButtonsElement>(inputs["answer"].Element).Options.Count);
        Assert.Equal(4, Assert.IsType<RadioButtonsElement>(inputs["level"].Element).Options.Count);
        Assert.Equal(7, Assert.IsType<StaticSelectElement>(inputs["pick"].Element).Options.Count);
        Assert.True(inputs["pick"].Optional);
        Assert.Equal("Only if you answered “Yes” or “Maybe” to “How did Maria Lopez answer?”.", inputs["pick"].Hint!.Text);
        Assert.Null(Assert.IsType<PlainTextInputElement>(inputs["who"].Element).Multiline);
        Assert.All(view.Blocks.OfType<InputLayout>(), i => Assert.Equal(SlackFormBuilder.AnswerActionId, i.Element.ActionId));
    }

    [Fact]
    public void A_long_flow_is_split_into_pages_that_carry_earlier_answers()
    {
        Assert.Equal(3, SlackFormBuilder.PageCount(Flow, questionsPerPage: 2));

        var state = new SlackFormState(7, 1, new Dictionary<string, string?> { ["goal"] = "join", ["answer"] = "yes" });
        var page = SlackFormBuilder.Build(Flow, state, null, questionsPerPage: 2);

        Assert.Equal(["level", "pick"], page.Blocks.OfType<InputLayout>().Select(i => i.BlockId));
        Assert.Equal("Next", page.Submit!.Text);
        Assert.Contains(page.Blocks.OfType<ContextLayout>(), c => c.Elements[0].Text == "Page 2 of 3");
        var decoded = SlackFormState.Decode(page.PrivateMetadata);
        Assert.Equal((7, 1), (decoded!.RunId, decoded.Page));
        Assert.Equal("join", decoded.Carried["goal"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("{\"run\":0}")]
    [InlineData("{\"run\":\"x\"}")]
    [InlineData("-5")]
    public void Foreign_metadata_is_not_a_form_state(string? metadata)
    {
        Assert.Null(SlackFormState.Decode(metadata));
    }
}
