using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Data.Inbox;
using OneOnOne.Testing;

namespace OneOnOne.Adapters.Tests.Inbox;

/// <summary>
/// Several <see cref="DurableInbox"/> instances on one real, migrated SQLite file, as several containers on one
/// database: each with its own owner name, store and handler; one clock; one <see cref="Log"/> of what all their
/// handlers did, in the order they did it.
/// </summary>
public sealed class InboxCluster(Action<InboxOptions> configure) : IAsyncDisposable
{
    private readonly BotHarness _harness = new();
    private readonly List<InboxNode> _nodes = [];

    /// <summary>The settings every instance shares; each has its own <see cref="InboxOptions.Owner"/>.</summary>
    public InboxOptions Options { get; } = Configured(configure, "any");

    public HandlingLog Log { get; } = new();

    public FakeTimeProvider Time => _harness.Time;

    public async Task<InboxNode> StartAsync(string owner)
    {
        var node = new InboxNode(Configured(configure, owner), new EfInboxStore(_harness.Get<IServiceScopeFactory>(), Time), Time, Log);
        _nodes.Add(node);
        await node.Inbox.StartAsync(CancellationToken.None);
        return node;
    }

    /// <summary>Moves the clock a poll at a time, as time passes, until <paramref name="condition"/> holds.</summary>
    public Task AdvanceUntilAsync(Func<bool> condition, string waitingFor) =>
        Eventually.TrueAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                Time.Advance(Options.PollEvery);
                return false;
            },
            waitingFor);

    public Task<List<StoredRow>> RowsAsync() => StoredRow.ReadAllAsync(_harness.DatabasePath);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _harness.DisposeAsync();
    }

    private static InboxOptions Configured(Action<InboxOptions> configure, string owner)
    {
        var options = new InboxOptions { Owner = owner, RetryDelay = TimeSpan.Zero };
        configure(options);
        return options;
    }
}

/// <summary>One instance of an <see cref="InboxCluster"/>.</summary>
public sealed class InboxNode : IAsyncDisposable
{
    private bool _dead;

    internal InboxNode(InboxOptions options, EfInboxStore store, TimeProvider time, HandlingLog log)
    {
        Handler = new RecordingHandler(log);
        Store = new PausingStore(store);
        Inbox = new DurableInbox(Store, [Handler], Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<DurableInbox>.Instance);
    }

    public RecordingHandler Handler { get; }

    public PausingStore Store { get; }

    public DurableInbox Inbox { get; }

    public bool Idle => Inbox.Waiting == 0;

    public async Task AcceptAsync(string lane, string payload) =>
        Assert.Equal(InboxAcceptance.Accepted, await Inbox.AcceptAsync(InboxFixture.Item(lane, payload)));

    /// <summary>The instance dies: no time to drain, and its leases are left in the store as they were.</summary>
    public async Task KillAsync()
    {
        _dead = true;
        using var noTime = new CancellationTokenSource();
        await noTime.CancelAsync();
        await Inbox.StopAsync(noTime.Token);
        await Inbox.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_dead)
        {
            // Bounded, so a test that failed with an item held still ends.
            using var limit = new CancellationTokenSource(Eventually.Limit);
            await Inbox.StopAsync(limit.Token);
        }

        await Inbox.DisposeAsync();
    }
}
