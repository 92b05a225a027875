using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>What to change in the stored follow-ups so they match a plan.</summary>
public sealed record FollowUpChanges(
    IReadOnlyList<PlannedFollowUp> ToAdd,
    IReadOnlyList<FollowUp> ToCancel,
    IReadOnlyList<(FollowUp Row, DateTimeOffset NewDueAt)> ToMove)
{
    public bool IsEmpty => ToAdd.Count == 0 && ToCancel.Count == 0 && ToMove.Count == 0;
}

/// <summary>Compares the stored follow-ups of one meeting (or one organizer-level kind) with a fresh plan.</summary>
public static class FollowUpReconciler
{
    /// <remarks>
    /// Rows and plans are matched by kind and occurrence (a reflection prompt comes twice). Occurrences
    /// pair up latest first, because the planner leaves out the earliest ones once their moment has
    /// passed: with the first prompt already sent, the one remaining planned prompt is the second.
    /// A matched open row (pending or held) moves if its time changed; a matched sent, done or dismissed
    /// row stays as it is and is not planned again (each follow-up is sent at most once). An unmatched
    /// open row is cancelled. Cancelled and dropped rows are history: they match nothing and block nothing.
    /// </remarks>
    public static FollowUpChanges Reconcile(IReadOnlyList<FollowUp> existing, IReadOnlyList<PlannedFollowUp> planned)
    {
        var toAdd = new List<PlannedFollowUp>();
        var toCancel = new List<FollowUp>();
        var toMove = new List<(FollowUp, DateTimeOffset)>();

        var kinds = existing.Select(r => r.Kind).Concat(planned.Select(p => p.Kind)).Distinct().Order();
        foreach (var kind in kinds)
        {
            var rows = existing
                .Where(r => r.Kind == kind && r.Status is not (FollowUpStatus.Cancelled or FollowUpStatus.Dropped))
                .OrderBy(r => r.DueAt).ThenBy(r => r.Id)
                .ToList();
            var plans = planned.Where(p => p.Kind == kind).OrderBy(p => p.DueAt).ToList();
            var paired = Math.Min(rows.Count, plans.Count);

            for (var i = 1; i <= paired; i++)
            {
                var (row, plan) = (rows[^i], plans[^i]);
                if (row.IsOpen && row.DueAt != plan.DueAt)
                    toMove.Add((row, plan.DueAt));
            }

            toAdd.AddRange(plans.Take(plans.Count - paired));
            toCancel.AddRange(rows.Take(rows.Count - paired).Where(r => r.IsOpen));
        }

        return new(toAdd, toCancel, toMove);
    }
}
