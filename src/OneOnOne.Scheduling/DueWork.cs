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
}
