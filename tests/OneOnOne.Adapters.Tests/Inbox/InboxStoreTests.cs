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
}
