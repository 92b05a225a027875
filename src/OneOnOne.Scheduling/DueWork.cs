namespace OneOnOne.Scheduling;

/// <summary>Everything time-driven the bot does in one pass: follow-ups, digests, then housekeeping.</summary>
public sealed class DueWork(FollowUpDispatcher followUps, DigestDispatcher digests, DeliveryClaimPruner claims)
{
    public async Task<DispatchSummary> RunAsync(CancellationToken ct)
    {
        var summary = await followUps.DispatchDueAsync(ct);
        await digests.DispatchDueAsync(ct);
        await claims.PruneAsync(ct);
        return summary;
    }

    /// <summary>
    /// The earliest moment a pass would find a follow-up or a digest due (perhaps already past); null when nothing
    /// is waiting for a time. Housekeeping is not a reason to stop: it catches up on the next pass.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct) =>
        FollowUpDispatcher.Earliest(await followUps.NextDueAsync(ct), await digests.NextDueAsync(ct));
}
