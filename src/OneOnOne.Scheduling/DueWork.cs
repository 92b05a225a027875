namespace OneOnOne.Scheduling;

/// <summary>Everything time-driven the bot does in one pass: follow-ups, then digests.</summary>
public sealed class DueWork(FollowUpDispatcher followUps, DigestDispatcher digests)
{
    public async Task<DispatchSummary> RunAsync(CancellationToken ct)
    {
        var summary = await followUps.DispatchDueAsync(ct);
        await digests.DispatchDueAsync(ct);
        return summary;
    }
}
