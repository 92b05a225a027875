using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Inbox;
using OneOnOne.Data.Inbox;
using OneOnOne.Testing;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Data.Tests;

/// <summary>
/// The inbox's de-duplication and its per-lane claims, on each provider's real database: what keeps two instances
/// from handling the same delivery, or the same organizer's inbounds at once.
/// </summary>
public sealed class InboxStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_delivery_stored_twice_is_a_duplicate_and_the_store_keeps_working(DatabaseProvider provider)
    {
        await using var bot = new BotHarness(provider: provider);
        var store = NewStore(bot);

        var first = await store.TryAddAsync(Item("maria", "one", key: "test:Ev1"), CancellationToken.None);
        var again = await store.TryAddAsync(Item("maria", "one", key: "test:Ev1"), CancellationToken.None);
        var next = await store.TryAddAsync(Item("maria", "two", key: "test:Ev2"), CancellationToken.None);

        Assert.Equal(
            [InboxAdditionStatus.Added, InboxAdditionStatus.Duplicate, InboxAdditionStatus.Added],
            new[] { first.Status, again.Status, next.Status });
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_lanes_oldest_item_leased_to_another_instance_holds_the_lane_until_the_lease_runs_out(DatabaseProvider provider)
    {
        await using var bot = new BotHarness(provider: provider);
        var store = NewStore(bot);
        await store.TryAddAsync(Item("maria", "one"), CancellationToken.None);
        await store.TryAddAsync(Item("maria", "two"), CancellationToken.None);

        var first = (await store.ClaimAsync("maria", "instance-a", Lease, CancellationToken.None)).Item;
        Assert.Equal(("one", 1), (first!.Payload, first.Attempts));
        var held = await store.ClaimAsync("maria", "instance-b", Lease, CancellationToken.None);
        Assert.Equal((null, bot.Time.GetUtcNow() + Lease), (held.Item, held.HeldUntil));

        bot.Time.Advance(Lease);
        var takenOver = (await store.ClaimAsync("maria", "instance-b", Lease, CancellationToken.None)).Item;
        Assert.Equal(("one", 2), (takenOver!.Payload, takenOver.Attempts));

        await store.CompleteAsync(takenOver.Id, InboxOutcome.Handled, CancellationToken.None);
        var second = (await store.ClaimAsync("maria", "instance-a", Lease, CancellationToken.None)).Item;
        Assert.Equal("two", second!.Payload);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Of_many_instances_claiming_one_lane_at_once_exactly_one_gets_it(DatabaseProvider provider)
    {
        await using var bot = new BotHarness(provider: provider);
        await NewStore(bot).TryAddAsync(Item("maria", "one"), CancellationToken.None);

        // Each instance has its own store, as separate processes would.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => NewStore(bot).ClaimAsync("maria", $"instance-{i}", Lease, CancellationToken.None))));

        var winner = Assert.Single(claims, c => c.Item is not null);
        Assert.Equal(1, winner.Item!.Attempts);
        Assert.All(claims.Where(c => c.Item is null), c => Assert.Equal(bot.Time.GetUtcNow() + Lease, c.HeldUntil));
    }

    private static EfInboxStore NewStore(BotHarness bot) => new(bot.Get<IServiceScopeFactory>(), bot.Time);

    private static NewInboxItem Item(string lane, string payload, string? key = null) => new("test", lane, key, "note", payload);
}
