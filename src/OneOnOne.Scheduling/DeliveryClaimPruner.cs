using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Storage;

namespace OneOnOne.Scheduling;

/// <summary>
/// Forgets delivery claims once no platform would deliver the same event again: Slack retries an event
/// for a few minutes and a Discord interaction lives 15. A day is plenty, and keeps the table small.
/// </summary>
public sealed class DeliveryClaimPruner(IOneOnOneStore store, TimeProvider time)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    public Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        return store.ProcessedEvents.Where(e => e.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
