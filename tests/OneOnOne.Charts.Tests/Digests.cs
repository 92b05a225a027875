using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;

namespace OneOnOne.Charts.Tests;

internal static class Digests
{
    public static readonly DateTimeOffset WeekEnd = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static TeamDigest Team(IReadOnlyList<OrganizerProgress>? organizers = null) => new(
        WeekEnd.AddDays(-7),
        WeekEnd,
        organizers ??
        [
            new("Amara Okafor", 2, 6, 5),
            new("Ben Liu", 0, 6, 1),
            new("Carmen Díaz", 1, 4, 4),
            new("Dev Patel", 3, 8, 7),
            new("Elena Rossi-Hartmann de la Fuente", 0, null, 2),
            new("Farid", 1, 5, 6),
            new("Gita Rao", 0, 4, 0) { Paused = true },
        ],
        new Dictionary<AskAnswer, int> { [AskAnswer.Yes] = 4, [AskAnswer.Maybe] = 2, [AskAnswer.No] = 1 },
        new Dictionary<EngagementLevel, int> { [EngagementLevel.Contributor] = 3, [EngagementLevel.Active] = 1 },
        new Dictionary<EngagementLevel, int>
        {
            [EngagementLevel.Follower] = 42,
            [EngagementLevel.Contributor] = 18,
            [EngagementLevel.Active] = 7,
            [EngagementLevel.Core] = 3,
        },
        NotPlaced: 12,
        NewFromReferrals: 2,
        CommitmentsDueSoon: 3,
        CommitmentsOverdue: 1);

    public static TeamDigest Empty() => new(
        WeekEnd.AddDays(-7),
        WeekEnd,
        [],
        new Dictionary<AskAnswer, int>(),
        new Dictionary<EngagementLevel, int>(),
        new Dictionary<EngagementLevel, int>(),
        0, 0, 0, 0);

    public static IReadOnlyList<OrganizerProgress> Many(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new OrganizerProgress($"Organizer {i:00}", i % 3, i % 5 == 0 ? null : 4 + i % 4, i % 7))
            .ToList();
}
