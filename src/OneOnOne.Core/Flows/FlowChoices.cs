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

    public static readonly IReadOnlyList<Choice> Levels =
    [
        new(nameof(EngagementLevel.Follower).ToLowerInvariant(), "Follower"),
        new(nameof(EngagementLevel.Contributor).ToLowerInvariant(), "Contributor"),
        new(nameof(EngagementLevel.Active).ToLowerInvariant(), "Active supporter"),
        new(nameof(EngagementLevel.Core).ToLowerInvariant(), "Core leader"),
    ];
}
