using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Digests;

/// <summary>
/// A team's week in numbers. By construction it holds counts, levels and organizer names only:
/// nothing an organizer wrote about a person can reach it.
/// </summary>
public sealed record TeamDigest(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<OrganizerProgress> Organizers,
    IReadOnlyDictionary<AskAnswer, int> Answers,
    IReadOnlyDictionary<EngagementLevel, int> MovedUpTo,
    IReadOnlyDictionary<EngagementLevel, int> Pyramid,
    int NotPlaced,
    int NewFromReferrals,
    int CommitmentsDueSoon,
    int CommitmentsOverdue)
{
    public int HeldThisWeek => Organizers.Sum(o => o.HeldThisWeek);

    public int AsksAnswered => Answers.Values.Sum();

    public int MovedUp => MovedUpTo.Values.Sum();

    /// <summary>Reminders that fell due while they could not be sent and were too stale to send late.</summary>
    public int DroppedNudges { get; init; }
}

/// <param name="Goal">Null when the organizer has no goal window running.</param>
public sealed record OrganizerProgress(string Name, int HeldThisWeek, int? Goal, int HeldInWindow)
{
    /// <summary>The organizer paused their reminders (a holiday) at the end of the week.</summary>
    public bool Paused { get; init; }
}
