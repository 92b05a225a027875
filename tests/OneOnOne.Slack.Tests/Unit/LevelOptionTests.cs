using System.Text.Json;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Slack.Forms;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Tests.Unit;

/// <summary>In a Slack form each level option shows what the level means, as Block Kit's option description.</summary>
public sealed class LevelOptionTests
{
    private static readonly FlowDefinition Flow = new("outcome", 1, "How your 1:1 with {person} went",
    [
        new Question("level", "Where is {person} on the engagement pyramid now?", QuestionKind.Level),
        new Question("answer", "How did {person} answer?", QuestionKind.YesMaybeNo),
    ]);

    [Fact]
    public void Each_level_option_carries_its_meaning_and_plain_choices_carry_none()
    {
        var view = SlackFormBuilder.Build(Flow, SlackFormState.Start(7), "Maria");
        var inputs = view.Blocks.OfType<InputLayout>().ToDictionary(i => i.BlockId!);

        var levels = Assert.IsType<RadioButtonsElement>(inputs["level"].Element).Options;
        Assert.Equal(Enum.GetValues<EngagementLevel>().Select(Labels.Meaning), levels.Select(o => o.Description?.Text));
        Assert.All(levels, o => Assert.Equal("plain_text", o.Description!.Type));
        Assert.All(levels, o => Assert.InRange(o.Description!.Text.Length, 1, 75));
        Assert.All(Assert.IsType<RadioButtonsElement>(inputs["answer"].Element).Options, o => Assert.Null(o.Description));
    }

    [Fact]
    public void The_description_is_sent_as_block_kit_names_it_and_left_out_when_there_is_none()
    {
        var view = SlackFormBuilder.Build(Flow, SlackFormState.Start(7), "Maria");

        var json = JsonSerializer.Serialize(view, SlackJson.Options);

        Assert.Contains("\"description\":{\"type\":\"plain_text\",\"text\":\"takes the lead and can be counted on\"}", json);
        Assert.DoesNotContain("\"description\":null", json);
    }
}
