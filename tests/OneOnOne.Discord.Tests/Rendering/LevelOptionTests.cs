using System.Text.Json;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Rendering;

/// <summary>In a Discord form each level in the select shows what it means, as the option's description.</summary>
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
        var modal = ModalBuilder.Build(Flow, 7, 0, "Maria", new Dictionary<string, string?>());
        var selects = modal.Components!.Select(c => c.Child!).ToDictionary(c => c.CustomId!);

        var levels = selects["level"].Options!;
        Assert.Equal(Enum.GetValues<EngagementLevel>().Select(Labels.Meaning), levels.Select(o => o.Description));
        Assert.All(levels, o => Assert.InRange(o.Description!.Length, 1, 100));
        Assert.All(selects["answer"].Options!, o => Assert.Null(o.Description));

        var json = JsonSerializer.Serialize(new InteractionResponse { Type = InteractionCallbackType.Modal, Data = modal }, DiscordJson.Default.InteractionResponse);
        Assert.Contains("\"description\":\"takes the lead and can be counted on\"", json);
    }
}
