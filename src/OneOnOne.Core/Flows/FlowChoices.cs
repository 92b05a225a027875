using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Flows;

/// <summary>The choice lists several flows share.</summary>
public static class FlowChoices
{
    public static readonly IReadOnlyList<Choice> YesMaybeNo =
    [
        new("yes", "Yes"),
        new("maybe", "Maybe"),
        new("no", "No"),
    ];

    /// <summary>The pyramid, lowest rung first; each level carries its meaning, so it is chosen for what it says about the person.</summary>
    public static readonly IReadOnlyList<Choice> Levels = Enum.GetValues<EngagementLevel>()
        .Select(level => new Choice(level.ToString().ToLowerInvariant(), Labels.ChoiceOf(level), Labels.Meaning(level)))
        .ToList();
}
