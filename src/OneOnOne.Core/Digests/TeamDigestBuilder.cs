using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Digests;

/// <summary>Computes a team's digest with aggregate queries, so a large team costs a handful of round trips.</summary>
public sealed class TeamDigestBuilder(IOneOnOneStore store)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public async Task<TeamDigest> BuildAsync(int teamId, DateTimeOffset to, CancellationToken ct)
    {
        var from = to - Week;
        var windowFloor = to - GoalProgress.Window;
        var organizers = await store.Organizers.Where(o => o.TeamId == teamId)
            .Select(o => new { o.Id, o.DisplayName, o.Goal, o.GoalSetAt, o.PausedUntil })
            .ToListAsync(ct);

        var teamMeetings = store.Meetings.Where(m => m.Organizer.TeamId == teamId);
        var recentHeld = await teamMeetings
            .Where(m => m.Status == MeetingStatus.Held && m.HeldAt >= windowFloor && m.HeldAt < to)
            .Select(m => new { m.OrganizerId, HeldAt = m.HeldAt!.Value, m.Answer })
            .ToListAsync(ct);
        var heldBy = recentHeld.ToLookup(m => m.OrganizerId);

        var progress = organizers
            .Select(o =>
            {
                var activeGoal = o.Goal is not null && o.GoalSetAt is { } set && set + GoalProgress.Window > to;
                return new OrganizerProgress(
                    o.DisplayName,
                    heldBy[o.Id].Count(m => m.HeldAt >= from),
                    activeGoal ? o.Goal : null,
                    activeGoal ? heldBy[o.Id].Count(m => m.HeldAt >= o.GoalSetAt) : 0)
                {
                    Paused = o.PausedUntil > to,
                };
            })
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var answers = recentHeld.Where(m => m.HeldAt >= from && m.Answer is not null)
            .GroupBy(m => m.Answer!.Value)
            .ToDictionary(g => g.Key, g => g.Count());

        var movedUpTo = (await store.LevelChanges
                .Where(c => c.ChangedAt >= from && c.ChangedAt < to && c.MovedUp
                            && store.People.Any(p => p.Id == c.PersonId && p.TeamId == teamId))
                .GroupBy(c => c.To)
                .Select(g => new { Level = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(g => g.Level, g => g.Count);

        var levels = await store.People.Where(p => p.TeamId == teamId)
            .GroupBy(p => p.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var newFromReferrals = await store.Relationships
            .Where(r => r.Organizer.TeamId == teamId && r.ReferredByPersonId != null && r.AddedAt >= from && r.AddedAt < to)
            .Select(r => r.PersonId)
            .Distinct()
            .CountAsync(ct);

        var soon = to + Week;
        var openCommitments = teamMeetings.Where(m => m.Commitment != null && m.CommitmentDoneAt == null && m.CommitmentDueAt != null);
        var dueSoon = await openCommitments.CountAsync(m => m.CommitmentDueAt >= to && m.CommitmentDueAt < soon, ct);
        var overdue = await openCommitments.CountAsync(m => m.CommitmentDueAt < to, ct);

        var dropped = await store.FollowUps.CountAsync(f => f.Organizer.TeamId == teamId && f.Status == FollowUpStatus.Dropped
                                                             && f.DueAt >= from && f.DueAt < to, ct);

        return new TeamDigest(
            from,
            to,
            progress,
            answers,
            movedUpTo,
            levels.Where(l => l.Level is not null).ToDictionary(l => l.Level!.Value, l => l.Count),
            levels.Where(l => l.Level is null).Sum(l => l.Count),
            newFromReferrals,
            dueSoon,
            overdue)
        {
            DroppedNudges = dropped,
        };
    }
}
