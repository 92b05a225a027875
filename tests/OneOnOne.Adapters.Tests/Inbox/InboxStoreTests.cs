using OneOnOne.Core.Inbox;

namespace OneOnOne.Adapters.Tests.Inbox;

public sealed class InboxStoreTests : IAsyncLifetime
{
    private readonly InboxFixture _inbox = new();

    private IInboxStore Store => _inbox.Store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    [Fact]
    public async Task Tombstones_are_swept_after_the_window_and_only_finished_items_are()
    {
        var done = await Store.TryAddAsync(InboxFixture.Item("maria", "done", key: "test:Ev1"), CancellationToken.None);
        await Store.TryAddAsync(InboxFixture.Item("jon", "waiting", key: "test:Ev2"), CancellationToken.None);
        await Store.CompleteAsync(done.Id, InboxOutcome.Handled, CancellationToken.None);

        Assert.Equal(0, await Store.SweepAsync(TimeSpan.FromDays(1), CancellationToken.None));
        _inbox.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await Store.SweepAsync(TimeSpan.FromDays(1), CancellationToken.None));
        Assert.Equal("jon", Assert.Single(await _inbox.RowsAsync()).Lane);
        Assert.Equal(InboxAdditionStatus.Added, (await Store.TryAddAsync(InboxFixture.Item("maria", "done", key: "test:Ev1"), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_lanes_oldest_item_leased_to_another_instance_holds_the_lane_until_the_lease_runs_out()
    {
        await Store.TryAddAsync(InboxFixture.Item("maria", "one"), CancellationToken.None);
        await Store.TryAddAsync(InboxFixture.Item("maria", "two"), CancellationToken.None);

        var first = (await Store.ClaimAsync("maria", "instance-a", TimeSpan.FromMinutes(5), CancellationToken.None)).Item;
        Assert.Equal(("one", 1), (first!.Payload, first.Attempts));
        var held = await Store.ClaimAsync("maria", "instance-b", TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal((null, _inbox.Time.GetUtcNow() + TimeSpan.FromMinutes(5)), (held.Item, held.HeldUntil));

        _inbox.Time.Advance(TimeSpan.FromMinutes(5));
        var takenOver = (await Store.ClaimAsync("maria", "instance-b", TimeSpan.FromMinutes(5), CancellationToken.None)).Item;
        Assert.Equal(("one", 2), (takenOver!.Payload, takenOver.Attempts));
    }

    [Fact]
    public async Task An_instance_takes_back_its_own_lease_at_once_as_after_a_restart()
    {
        await Store.TryAddAsync(InboxFixture.Item("maria", "one"), CancellationToken.None);
        await Store.ClaimAsync("maria", "instance-a", TimeSpan.FromMinutes(5), CancellationToken.None);

        var again = (await Store.ClaimAsync("maria", "instance-a", TimeSpan.FromMinutes(5), CancellationToken.None)).Item;

        Assert.Equal(("one", 2), (again!.Payload, again.Attempts));
    }

    [Fact]
    public async Task A_lane_waits_while_any_of_its_items_is_someone_elses_even_a_later_one()
    {
        var one = await Store.TryAddAsync(InboxFixture.Item("maria", "one"), CancellationToken.None);
        var two = await Store.TryAddAsync(InboxFixture.Item("maria", "two"), CancellationToken.None);
        // As on PostgreSQL, where "two" can commit, and be claimed, before "one" is visible.
        var until = _inbox.Time.GetUtcNow() + TimeSpan.FromMinutes(5);
        await _inbox.LeaseDirectlyAsync(two.Id, "instance-b", until);

        var held = await Store.ClaimAsync("maria", "instance-a", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal((null, until), (held.Item, held.HeldUntil));
        Assert.Equal([0, 0], (await _inbox.RowsAsync()).Select(row => row.Attempts));
        Assert.True(one.Id < two.Id);
    }

    [Fact]
    public async Task Abandoned_items_are_those_whose_lease_ran_out_or_that_nobody_claimed_for_a_lease_unless_they_wait_behind_a_live_one()
    {
        var lease = TimeSpan.FromMinutes(5);
        await Store.TryAddAsync(InboxFixture.Item("maria", "claimed"), CancellationToken.None);
        await Store.TryAddAsync(InboxFixture.Item("jon", "never claimed"), CancellationToken.None);
        var done = await Store.TryAddAsync(InboxFixture.Item("ana", "done"), CancellationToken.None);
        await Store.CompleteAsync(done.Id, InboxOutcome.Handled, CancellationToken.None);
        await Store.ClaimAsync("maria", "instance-a", lease, CancellationToken.None);
        _inbox.Time.Advance(TimeSpan.FromMinutes(1));
        await Store.TryAddAsync(InboxFixture.Item("ana", "waiting behind"), CancellationToken.None);
        var busy = await Store.TryAddAsync(InboxFixture.Item("ana", "busy"), CancellationToken.None);
        await Store.TryAddAsync(InboxFixture.Item("ana", "queued"), CancellationToken.None);
        await _inbox.LeaseDirectlyAsync(busy.Id, "instance-b", _inbox.Time.GetUtcNow() + TimeSpan.FromHours(1));

        Assert.Empty(await Store.ListAbandonedAsync([InboxFixture.Platform], lease, CancellationToken.None));
        Assert.Empty(await Store.ListAbandonedAsync(["elsewhere"], TimeSpan.Zero, CancellationToken.None));

        _inbox.Time.Advance(lease);
        var abandoned = await Store.ListAbandonedAsync([InboxFixture.Platform], lease, CancellationToken.None);

        Assert.Equal(["maria", "jon"], abandoned.Select(item => item.Lane));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_others_out_past_its_first_end_and_only_its_owner_can_renew_it()
    {
        var lease = TimeSpan.FromMinutes(5);
        var item = await Store.TryAddAsync(InboxFixture.Item("maria", "one"), CancellationToken.None);
        await Store.ClaimAsync("maria", "instance-a", lease, CancellationToken.None);

        _inbox.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await Store.RenewAsync(item.Id, "instance-a", lease, CancellationToken.None));
        Assert.False(await Store.RenewAsync(item.Id, "instance-b", lease, CancellationToken.None));
        _inbox.Time.Advance(TimeSpan.FromMinutes(4));

        var held = await Store.ClaimAsync("maria", "instance-b", lease, CancellationToken.None);
        Assert.Equal((null, _inbox.Time.GetUtcNow() + TimeSpan.FromMinutes(1)), (held.Item, held.HeldUntil));
        Assert.Empty(await Store.ListAbandonedAsync([InboxFixture.Platform], lease, CancellationToken.None));
    }
}
