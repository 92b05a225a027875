using OneOnOne.Adapters.Inbox;

namespace OneOnOne.Adapters.Tests.Inbox;

public sealed class DurableInboxTests : IAsyncLifetime
{
    private InboxFixture _inbox = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    private async Task<InboxFixture> UseAsync(InboxOptions options)
    {
        await _inbox.DisposeAsync();
        return _inbox = new InboxFixture(options);
    }

    [Fact]
    public async Task One_persons_inbounds_are_handled_one_at_a_time_in_the_order_they_arrived()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        _inbox.Handler.Hold("first");

        foreach (var payload in new[] { "first", "second", "third" })
        {
            Assert.Equal(InboxAcceptance.Accepted, await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", payload)));
        }

        await _inbox.Handler.StartedAsync("first");
        _inbox.Handler.Release("first");
        await _inbox.IdleAsync();

        Assert.Equal(["first", "second", "third"], _inbox.Handler.Handled);
        Assert.Equal(1, _inbox.Handler.MostAtOnceInALane);
    }

    [Fact]
    public async Task One_busy_person_does_not_keep_others_waiting_behind_all_of_their_inbounds()
    {
        var inbox = await UseAsync(new InboxOptions { Workers = 1, RetryDelay = TimeSpan.Zero });
        await inbox.Inbox.StartAsync(CancellationToken.None);
        inbox.Handler.Hold("busy-1");
        for (var i = 1; i <= 5; i++)
        {
            await inbox.Inbox.AcceptAsync(InboxFixture.Item("busy", $"busy-{i}"));
        }

        await inbox.Handler.StartedAsync("busy-1");
        await inbox.Inbox.AcceptAsync(InboxFixture.Item("quiet", "quiet-1"));
        inbox.Handler.Release("busy-1");
        await inbox.IdleAsync();

        Assert.Equal(["busy-1", "quiet-1", "busy-2", "busy-3", "busy-4", "busy-5"], inbox.Handler.Handled);
    }

    [Fact]
    public async Task When_full_it_says_busy_and_stores_nothing()
    {
        var inbox = await UseAsync(new InboxOptions { Capacity = 2, RetryDelay = TimeSpan.Zero });
        await inbox.Inbox.StartAsync(CancellationToken.None);
        inbox.Handler.Hold("one");

        Assert.Equal(InboxAcceptance.Accepted, await inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "one")));
        Assert.Equal(InboxAcceptance.Accepted, await inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "two")));
        Assert.Equal(InboxAcceptance.Busy, await inbox.Inbox.AcceptAsync(InboxFixture.Item("jon", "three")));
        Assert.Equal(2, (await inbox.RowsAsync()).Count);

        inbox.Handler.Release("one");
        await inbox.IdleAsync();
        Assert.Equal(InboxAcceptance.Accepted, await inbox.Inbox.AcceptAsync(InboxFixture.Item("jon", "three")));
    }

    [Fact]
    public async Task A_stop_finishes_what_was_accepted_and_takes_nothing_new()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        _inbox.Handler.Hold("one");
        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "one"));
        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "two"));
        await _inbox.Handler.StartedAsync("one");

        var stopping = _inbox.Inbox.StopAsync(CancellationToken.None);
        Assert.Equal(InboxAcceptance.Busy, await _inbox.Inbox.AcceptAsync(InboxFixture.Item("jon", "late")));
        Assert.False(stopping.IsCompleted);

        _inbox.Handler.Release("one");
        await stopping.WaitAsync(Eventually.Limit);

        Assert.Equal(["one", "two"], _inbox.Handler.Handled);
        Assert.All(await _inbox.RowsAsync(), row => Assert.True(row.Finished));
    }

    [Fact]
    public async Task What_a_killed_process_accepted_but_never_finished_is_handled_once_on_the_next_start_in_order()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        _inbox.Handler.Hold("maria-1");
        _inbox.Handler.Hold("jon-1");
        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "maria-1"), live: new object());
        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "maria-2"));
        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("jon", "jon-1"));
        await _inbox.Handler.StartedAsync("maria-1");
        await _inbox.Handler.StartedAsync("jon-1");

        await _inbox.KillAndRestartAsync();
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        await _inbox.IdleAsync();

        Assert.Equal(["maria-1", "maria-2"], _inbox.Handler.Handled.Where(p => p.StartsWith("maria", StringComparison.Ordinal)));
        Assert.Equal(["jon-1", "maria-1", "maria-2"], _inbox.Handler.Handled.Order(StringComparer.Ordinal));
        Assert.All(_inbox.Handler.Seen, work => Assert.Null(work.Live));
        Assert.All(await _inbox.RowsAsync(), row => Assert.True(row.Finished));
    }

    [Fact]
    public async Task An_item_another_instance_held_when_it_died_is_handled_once_its_lease_runs_out()
    {
        await _inbox.Store.TryAddAsync(InboxFixture.Item("maria", "orphan"), CancellationToken.None);
        await _inbox.Store.ClaimAsync("maria", "a-container-long-gone", _inbox.Options.Lease, CancellationToken.None);
        await _inbox.Inbox.StartAsync(CancellationToken.None);

        _inbox.Time.Advance(_inbox.Options.Lease);
        await _inbox.IdleAsync();

        Assert.Equal(["orphan"], _inbox.Handler.Handled);
        Assert.Equal(2, Assert.Single(await _inbox.RowsAsync()).Attempts);
    }

    [Fact]
    public async Task The_live_companion_reaches_the_handler_of_the_process_that_accepted_the_item()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        var live = new object();

        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "one"), live);
        await _inbox.IdleAsync();

        Assert.Same(live, Assert.Single(_inbox.Handler.Seen).Live);
    }

    [Fact]
    public async Task An_inbound_stored_but_not_yet_fully_accepted_is_not_taken_without_its_live_companion()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        _inbox.Handler.Hold("first");
        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "first"), live: "first");
        await _inbox.Handler.StartedAsync("first");

        // "slow" is stored (the lane's oldest after "first") but its acceptance hasn't finished when "fast" arrives.
        var (stored, resume) = _inbox.Pausing.PauseAfterAdding("slow");
        var slow = _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "slow"), live: "slow").AsTask();
        await stored;
        var fast = _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "fast"), live: "fast").AsTask();
        _inbox.Handler.Release("first");
        await Eventually.TrueAsync(() => _inbox.Inbox.Finished == 1, "the first to be done with");
        resume();
        await Task.WhenAll(slow, fast);
        await _inbox.IdleAsync();

        Assert.Equal(["first", "slow", "fast"], _inbox.Handler.Handled);
        Assert.All(_inbox.Handler.Seen, work => Assert.Equal(work.Payload, work.Live));
    }

    [Fact]
    public async Task A_delivery_already_stored_is_refused_as_a_duplicate_even_after_a_restart()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        Assert.Equal(InboxAcceptance.Accepted, await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "one", key: "test:Ev1")));
        Assert.Equal(InboxAcceptance.Duplicate, await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "one again", key: "test:Ev1")));
        await _inbox.IdleAsync();

        await _inbox.KillAndRestartAsync();
        await _inbox.Inbox.StartAsync(CancellationToken.None);

        Assert.Equal(InboxAcceptance.Duplicate, await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "one again", key: "test:Ev1")));
        Assert.Equal(InboxAcceptance.Accepted, await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "two", key: "test:Ev2")));
        await _inbox.IdleAsync();
        Assert.Equal(["two"], _inbox.Handler.Handled);
    }

    [Fact]
    public async Task An_item_that_always_fails_is_given_up_on_after_a_few_tries_and_the_person_is_served_again()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);
        _inbox.Handler.Failing.Add("poison");

        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "poison"));
        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "next"));
        await _inbox.IdleAsync();

        Assert.Equal(["next"], _inbox.Handler.Handled);
        Assert.Equal(_inbox.Options.MaxAttempts, _inbox.Handler.Seen.Count(w => w.Payload == "poison"));
        var poison = (await _inbox.RowsAsync())[0];
        Assert.Equal((_inbox.Options.MaxAttempts, "GaveUp"), (poison.Attempts, poison.Outcome));
    }

    [Fact]
    public async Task A_handled_item_keeps_no_payload_only_a_tombstone()
    {
        await _inbox.Inbox.StartAsync(CancellationToken.None);

        await _inbox.Inbox.AcceptAsync(InboxFixture.Item("maria", "{\"responseUrl\":\"https://hooks.slack.com/secret\"}", key: "test:Ev1"));
        await _inbox.IdleAsync();

        var row = Assert.Single(await _inbox.RowsAsync());
        Assert.Equal((true, null, "Handled"), (row.Finished, row.Payload, row.Outcome));
    }
}
