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

    public async Task<IReadOnlyList<UnfinishedInboxItem>> ListAbandonedAsync(IReadOnlyCollection<string> platforms, TimeSpan unclaimedFor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var now = time.GetUtcNow();
        var storedBefore = now - unclaimedFor;
        return await db.InboxItems
            .Where(i => i.FinishedAt == null && platforms.Contains(i.Platform))
            .Where(i => i.LeaseUntil <= now || (i.LeaseOwner == null && i.ReceivedAt <= storedBefore
                // Not one waiting its turn behind a living instance's lease: that one is not abandoned, only patient.
                && !db.InboxItems.Any(other => other.Lane == i.Lane && other.FinishedAt == null && other.LeaseUntil > now)))
            .OrderBy(i => i.Id)
            .Select(i => new UnfinishedInboxItem(i.Id, i.Platform, i.Lane))
            .ToListAsync(ct);
    }

    public async Task<InboxClaim> ClaimAsync(string lane, string owner, TimeSpan lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var unfinished = db.InboxItems.Where(i => i.Lane == lane && i.FinishedAt == null);
        var head = await unfinished
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Platform, i.Kind, i.Payload, i.ReceivedAt, i.Attempts })
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return InboxClaim.Empty;
        }

        // One statement decides, so two instances claiming at once can't both win: the item must still be the
        // lane's oldest unfinished one, free (or its lease run out, or ours), and no other item of the lane may be
        // someone else's. The last matters on a database where a later item can become visible before an earlier
        // one (PostgreSQL commits out of id order): the earlier one must not start while the later is handled.
        var now = time.GetUtcNow();
        var until = now + lease;
        var taken = await db.InboxItems
            .Where(i => i.Id == head.Id && i.FinishedAt == null && (i.LeaseOwner == null || i.LeaseOwner == owner || i.LeaseUntil <= now))
            .Where(i => !db.InboxItems.Any(other => other.Lane == lane && other.FinishedAt == null && other.Id != i.Id
                && (other.Id < i.Id || (other.LeaseOwner != owner && other.LeaseUntil > now))))
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.LeaseOwner, owner)
                .SetProperty(i => i.LeaseUntil, until)
                .SetProperty(i => i.Attempts, i => i.Attempts + 1), ct);
        if (taken == 1)
        {
            return new InboxClaim(new ClaimedInboxItem(head.Id, head.Platform, lane, head.Kind, head.Payload ?? string.Empty, head.ReceivedAt, head.Attempts + 1), null);
        }

        // Held by someone else until their last lease runs out; or nobody holds it and the claim lost a race
        // (the item was finished, or taken and let go, in between): look again at once.
        var heldUntil = await unfinished
            .Where(i => i.LeaseOwner != owner && i.LeaseUntil > now)
            .OrderByDescending(i => i.LeaseUntil)
            .Select(i => i.LeaseUntil)
            .FirstOrDefaultAsync(ct);
        return new InboxClaim(null, heldUntil ?? now);
    }

    public async Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var until = time.GetUtcNow() + lease;
        var renewed = await db.InboxItems
            .Where(i => i.Id == id && i.FinishedAt == null && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.LeaseUntil, until), ct);
        return renewed == 1;
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
