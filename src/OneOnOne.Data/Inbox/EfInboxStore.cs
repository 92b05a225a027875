using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Inbox;

namespace OneOnOne.Data.Inbox;

/// <summary>
/// The inbox in the bot's own database. Every change is one conditional statement
/// (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>), so what holds on SQLite today holds on PostgreSQL with
/// several instances later: a claim only takes an item whose lease is free, expired or already its own.
/// </summary>
public sealed class EfInboxStore(IServiceScopeFactory scopes, TimeProvider time) : IInboxStore
{
    public async Task<InboxAddition> TryAddAsync(NewInboxItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var row = new InboxItem
        {
            Platform = item.Platform,
            Lane = item.Lane,
            DeliveryKey = item.DeliveryKey,
            Kind = item.Kind,
            Payload = item.Payload,
            ReceivedAt = time.GetUtcNow(),
        };
        db.InboxItems.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return InboxAddition.Added(row.Id);
        }
        catch (DbUpdateException) when (item.DeliveryKey is not null)
        {
            // Only a duplicate is expected here; a failure for any other reason is still a failure.
            if (await db.InboxItems.AnyAsync(i => i.DeliveryKey == item.DeliveryKey, ct))
            {
                return InboxAddition.Duplicate;
            }

            throw;
        }
    }

    public async Task<IReadOnlyList<UnfinishedInboxItem>> ListUnfinishedAsync(IReadOnlyCollection<string> platforms, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        return await db.InboxItems
            .Where(i => i.FinishedAt == null && platforms.Contains(i.Platform))
            .OrderBy(i => i.Id)
            .Select(i => new UnfinishedInboxItem(i.Id, i.Platform, i.Lane))
            .ToListAsync(ct);
    }

    public async Task<InboxClaim> ClaimAsync(string lane, string owner, TimeSpan lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var head = await db.InboxItems
            .Where(i => i.Lane == lane && i.FinishedAt == null)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Platform, i.Kind, i.Payload, i.ReceivedAt, i.Attempts, i.LeaseUntil })
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return InboxClaim.Empty;
        }

        var now = time.GetUtcNow();
        var until = now + lease;
        var taken = await db.InboxItems
            .Where(i => i.Id == head.Id && i.FinishedAt == null && (i.LeaseOwner == null || i.LeaseOwner == owner || i.LeaseUntil <= now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.LeaseOwner, owner)
                .SetProperty(i => i.LeaseUntil, until)
                .SetProperty(i => i.Attempts, i => i.Attempts + 1), ct);
        return taken == 1
            ? new InboxClaim(new ClaimedInboxItem(head.Id, head.Platform, lane, head.Kind, head.Payload ?? string.Empty, head.ReceivedAt, head.Attempts + 1), null)
            : new InboxClaim(null, head.LeaseUntil ?? until);
    }

    public async Task CompleteAsync(long id, InboxOutcome outcome, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var now = time.GetUtcNow();
        await db.InboxItems
            .Where(i => i.Id == id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.FinishedAt, now)
                .SetProperty(i => i.Outcome, outcome)
                .SetProperty(i => i.Payload, (string?)null)
                .SetProperty(i => i.LeaseOwner, (string?)null)
                .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task<int> SweepAsync(TimeSpan keepFor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var cutoff = time.GetUtcNow() - keepFor;
        return await db.InboxItems.Where(i => i.FinishedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
