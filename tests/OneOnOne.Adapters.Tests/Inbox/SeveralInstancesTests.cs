using OneOnOne.Adapters.Inbox;

namespace OneOnOne.Adapters.Tests.Inbox;

/// <summary>Several instances on one database: a dead one's work is taken over, and an organizer's items still run one at a time, in order.</summary>
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private InboxCluster _cluster = new(Polling);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static void Polling(InboxOptions options)
    {
        options.Lease = Lease;
        options.PollEvery = TimeSpan.FromSeconds(1);
    }

    private async Task UseAsync(Action<InboxOptions> configure)
    {
        await _cluster.DisposeAsync();
        _cluster = new InboxCluster(options =>
        {
            Polling(options);
            configure(options);
        });
    }

    [Fact]
    public async Task What_a_dead_instance_held_or_had_not_started_is_taken_over_once_its_lease_runs_out_and_handled_once_in_order()
    {
        var a = await _cluster.StartAsync("instance-a");
        var b = await _cluster.StartAsync("instance-b");
        a.Handler.Hold("maria-1");
        await a.AcceptAsync("maria", "maria-1");
        await a.AcceptAsync("maria", "maria-2");
        await a.Handler.StartedAsync("maria-1");

        await a.KillAsync();
        _cluster.Time.Advance(Lease);
        await _cluster.AdvanceUntilAsync(() => b.Handler.Handled.Count == 2, "the other instance to take over");
        await _cluster.AdvanceUntilAsync(() => b.Idle, "the other instance to finish");

        Assert.Equal(["maria-1", "maria-2"], _cluster.Log.Handled);
        Assert.Equal(["maria-1", "maria-2"], b.Handler.Handled);
        var rows = await _cluster.RowsAsync();
        Assert.All(rows, row => Assert.True(row.Finished));
        // The dead instance's attempt and the one that handled it; the item it never started, one attempt.
        Assert.Equal([2, 1], rows.Select(row => row.Attempts));
    }

    [Fact]
    public async Task An_organizers_item_waits_while_another_instance_handles_their_earlier_one_and_runs_after_it()
    {
        await UseAsync(options => options.Lease = TimeSpan.FromHours(1));
        var a = await _cluster.StartAsync("instance-a");
        var b = await _cluster.StartAsync("instance-b");
        a.Handler.Hold("maria-1");
        await a.AcceptAsync("maria", "maria-1");
        await a.Handler.StartedAsync("maria-1");

        await b.AcceptAsync("maria", "maria-2");
        await Eventually.TrueAsync(() => b.Store.Refusals("maria") > 0, "the second instance to find the organizer busy");
        await _cluster.AdvanceUntilAsync(() => b.Store.Refusals("maria") > 1, "the second instance to look again");
        Assert.Empty(b.Handler.Seen);

        a.Handler.Release("maria-1");
        await Eventually.TrueAsync(() => a.Idle, "the first instance to finish");
        await _cluster.AdvanceUntilAsync(() => b.Idle, "the second instance to finish");

        Assert.Equal(["maria-1", "maria-2"], _cluster.Log.Handled);
        Assert.Equal(["maria-1"], a.Handler.Handled);
        Assert.Equal(["maria-2"], b.Handler.Handled);
        Assert.Equal(1, _cluster.Log.MostAtOnceInALane);
        Assert.All(await _cluster.RowsAsync(), row => Assert.Equal((true, 1), (row.Finished, row.Attempts)));
    }

    [Fact]
    public async Task An_instance_handling_an_item_longer_than_a_lease_keeps_it_and_the_organizers_next_item_still_waits()
    {
        var a = await _cluster.StartAsync("instance-a");
        var b = await _cluster.StartAsync("instance-b");
        a.Handler.Hold("maria-1");
        await a.AcceptAsync("maria", "maria-1");
        await a.Handler.StartedAsync("maria-1");
        await b.AcceptAsync("maria", "maria-2");

        // Twice as long as a lease: the first instance is alive and renews its lease, so nobody takes the organizer over.
        for (var renewal = 1; renewal <= 6; renewal++)
        {
            _cluster.Time.Advance(Lease / 3);
            await Eventually.TrueAsync(() => a.Store.Renewals >= renewal, "the lease to be renewed");
        }

        var refused = b.Store.Refusals("maria");
        await _cluster.AdvanceUntilAsync(() => b.Store.Refusals("maria") > refused, "the second instance to look again");
        Assert.Empty(_cluster.Log.Handled);

        a.Handler.Release("maria-1");
        await _cluster.AdvanceUntilAsync(() => a.Idle && b.Idle, "both instances to finish");

        Assert.Equal(["maria-1", "maria-2"], _cluster.Log.Handled);
        Assert.Equal(1, _cluster.Log.MostAtOnceInALane);
        Assert.All(await _cluster.RowsAsync(), row => Assert.Equal((true, 1), (row.Finished, row.Attempts)));
    }

    [Fact]
    public async Task Two_instances_racing_many_organizers_items_handle_each_once_and_each_organizers_in_order()
    {
        // Leases far longer than the test's clock will run: any item handled twice here was taken twice, not taken over.
        await UseAsync(options =>
        {
            options.Workers = 2;
            options.Lease = TimeSpan.FromDays(1);
        });
        var instances = new[] { await _cluster.StartAsync("instance-a"), await _cluster.StartAsync("instance-b") };
        var organizers = Enumerable.Range(1, 6).Select(o => $"organizer-{o}").ToArray();
        const int ItemsEach = 10;

        // Each organizer's items arrive one after another, alternately at either instance; the organizers all at once.
        await Task.WhenAll(organizers.Select((organizer, o) => Task.Run(async () =>
        {
            for (var i = 0; i < ItemsEach; i++)
            {
                await instances[(o + i) % 2].AcceptAsync(organizer, $"{organizer}/{i:D2}");
            }
        })));
        await _cluster.AdvanceUntilAsync(() => instances.All(instance => instance.Idle), "both instances to finish");

        var handled = _cluster.Log.Handled;
        Assert.Equal(organizers.Length * ItemsEach, handled.Count);
        foreach (var organizer in organizers)
        {
            var theirs = handled.Where(payload => payload.StartsWith(organizer + "/", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, ItemsEach).Select(i => $"{organizer}/{i:D2}"), theirs);
        }

        Assert.Equal(1, _cluster.Log.MostAtOnceInALane);
        Assert.All(await _cluster.RowsAsync(), row => Assert.Equal((true, 1), (row.Finished, row.Attempts)));
    }
}
