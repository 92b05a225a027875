using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Core.Inbox;
using OneOnOne.Data.Inbox;
using OneOnOne.Testing;

namespace OneOnOne.Adapters.Tests.Inbox;

/// <summary>
/// A <see cref="DurableInbox"/> over a real, migrated SQLite file (<see cref="BotHarness"/>), with a handler
/// that records what it handles. <see cref="RestartAsync"/> keeps only the file, as a new process would.
/// </summary>
public sealed class InboxFixture : IAsyncDisposable
{
    public const string Platform = "test";

    private readonly BotHarness _harness = new();

    public InboxFixture(InboxOptions? options = null)
    {
        Options = options ?? new InboxOptions { RetryDelay = TimeSpan.Zero };
        Handler = new RecordingHandler();
        Store = new EfInboxStore(_harness.Get<IServiceScopeFactory>(), _harness.Time);
        Inbox = NewInbox();
    }

    public InboxOptions Options { get; }

    public RecordingHandler Handler { get; private set; }

    public IInboxStore Store { get; private set; }

    /// <summary>The store as the inbox sees it, able to pause an acceptance just after its item is stored.</summary>
    public PausingStore Pausing { get; private set; } = null!;

    public DurableInbox Inbox { get; private set; }

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => _harness.Time;

    public static NewInboxItem Item(string lane, string payload, string? key = null) =>
        new(Platform, lane, key, "note", payload);

    /// <summary>The process dies: the inbox is stopped with no time to drain, and everything but the file is thrown away.</summary>
    public async Task KillAndRestartAsync()
    {
        using var noTime = new CancellationTokenSource();
        await noTime.CancelAsync();
        await Inbox.StopAsync(noTime.Token);
        await Inbox.DisposeAsync();
        await _harness.Restart();
        Handler = new RecordingHandler();
        Store = new EfInboxStore(_harness.Get<IServiceScopeFactory>(), _harness.Time);
        Inbox = NewInbox();
    }

    /// <summary>Waits for the inbox to have nothing left to do.</summary>
    public Task IdleAsync() => Eventually.TrueAsync(() => Inbox.Waiting == 0, "the inbox to finish");

    public Task<List<StoredRow>> RowsAsync() => StoredRow.ReadAllAsync(_harness.DatabasePath);

    /// <summary>Leases an item behind the store's back, to set up what only a race between instances would otherwise produce.</summary>
    public async Task LeaseDirectlyAsync(long id, string owner, DateTimeOffset until)
    {
        await using var connection = new SqliteConnection($"Data Source={_harness.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE InboxItems SET LeaseOwner = $owner, LeaseUntil = $until WHERE Id = $id";
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", until.UtcTicks);
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Inbox.StopAsync(CancellationToken.None);
        await Inbox.DisposeAsync();
        await _harness.DisposeAsync();
    }

    private DurableInbox NewInbox() =>
        new(Pausing = new PausingStore(Store), [Handler], Microsoft.Extensions.Options.Options.Create(Options), _harness.Time, NullLogger<DurableInbox>.Instance);
}

/// <summary>
/// Stores as the real store does; an item's acceptance can be held just after its row is committed, and the claims
/// it refused and the leases it renewed are counted.
/// </summary>
public sealed class PausingStore(IInboxStore store) : IInboxStore
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Stored, TaskCompletionSource Resume)> _pauses = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new();
    private int _renewals;

    /// <summary>Claims of <paramref name="lane"/> refused so far because someone else held it.</summary>
    public int Refusals(string lane) => _refusals.GetValueOrDefault(lane);

    /// <summary>Leases renewed so far.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>Holds the acceptance of <paramref name="payload"/> once stored; returns (stored, resume).</summary>
    public (Task Stored, Action Resume) PauseAfterAdding(string payload)
    {
        var pause = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _pauses[payload] = pause;
        return (pause.Item1.Task.WaitAsync(Eventually.Limit), () => pause.Item2.TrySetResult());
    }

    public async Task<InboxAddition> TryAddAsync(NewInboxItem item, CancellationToken ct)
    {
        var added = await store.TryAddAsync(item, ct);
        if (_pauses.TryGetValue(item.Payload, out var pause))
        {
            pause.Stored.TrySetResult();
            await pause.Resume.Task;
        }

        return added;
    }

    public Task<IReadOnlyList<UnfinishedInboxItem>> ListUnfinishedAsync(IReadOnlyCollection<string> platforms, CancellationToken ct) =>
        store.ListUnfinishedAsync(platforms, ct);

    public Task<IReadOnlyList<UnfinishedInboxItem>> ListAbandonedAsync(IReadOnlyCollection<string> platforms, TimeSpan unclaimedFor, CancellationToken ct) =>
        store.ListAbandonedAsync(platforms, unclaimedFor, ct);

    public async Task<InboxClaim> ClaimAsync(string lane, string owner, TimeSpan lease, CancellationToken ct)
    {
        var claim = await store.ClaimAsync(lane, owner, lease, ct);
        if (claim.HeldUntil is not null)
        {
            _refusals.AddOrUpdate(lane, 1, (_, refused) => refused + 1);
        }

        return claim;
    }

    public async Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken ct)
    {
        var renewed = await store.RenewAsync(id, owner, lease, ct);
        Interlocked.Increment(ref _renewals);
        return renewed;
    }

    public Task CompleteAsync(long id, InboxOutcome outcome, CancellationToken ct) => store.CompleteAsync(id, outcome, ct);

    public Task<int> SweepAsync(TimeSpan keepFor, CancellationToken ct) => store.SweepAsync(keepFor, ct);
}

public sealed record StoredRow(long Id, string Lane, string? Payload, int Attempts, bool Finished, string? Outcome)
{
    /// <summary>Every inbox row of the SQLite file at <paramref name="path"/>, oldest first, read as the next process would.</summary>
    public static async Task<List<StoredRow>> ReadAllAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Lane, Payload, Attempts, FinishedAt IS NOT NULL, Outcome FROM InboxItems ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }
}

/// <summary>
/// What one handler, or several instances' handlers together, handled in the order they did, and the most items
/// of one lane ever handled at the same moment.
/// </summary>
public sealed class HandlingLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _handled = [];
    private readonly Dictionary<string, int> _busyLanes = [];
    private int _mostAtOnceInALane;

    public IReadOnlyList<string> Handled
    {
        get
        {
            lock (_gate)
            {
                return [.. _handled];
            }
        }
    }

    public int MostAtOnceInALane
    {
        get
        {
            lock (_gate)
            {
                return _mostAtOnceInALane;
            }
        }
    }

    public void Started(string lane)
    {
        lock (_gate)
        {
            var busy = _busyLanes[lane] = _busyLanes.GetValueOrDefault(lane) + 1;
            _mostAtOnceInALane = Math.Max(_mostAtOnceInALane, busy);
        }
    }

    /// <param name="handled">The payload if it was handled; null if its handling failed or was cut short.</param>
    public void Ended(string lane, string? handled)
    {
        lock (_gate)
        {
            _busyLanes[lane]--;
            if (handled is not null)
            {
                _handled.Add(handled);
            }
        }
    }
}

/// <summary>
/// Records each item it handles, in order, in its own <see cref="Handled"/> and in a <see cref="HandlingLog"/> it may
/// share with other instances' handlers; a payload can be held at a gate, or made to fail.
/// </summary>
public sealed class RecordingHandler(HandlingLog? log = null) : IInboxHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly HandlingLog _log = log ?? new HandlingLog();
    private readonly ConcurrentQueue<string> _handled = new();

    public string Platform => InboxFixture.Platform;

    public ConcurrentQueue<InboxWork> Seen { get; } = new();

    /// <summary>Payloads that always throw.</summary>
    public HashSet<string> Failing { get; } = [];

    /// <summary>Most items of one lane ever handled at the same moment, by every handler sharing the log.</summary>
    public int MostAtOnceInALane => _log.MostAtOnceInALane;

    /// <summary>What this handler handled, in order.</summary>
    public IReadOnlyList<string> Handled => [.. _handled];

    /// <summary>Holds <paramref name="payload"/> when it starts, until <see cref="Release"/>.</summary>
    public void Hold(string payload) => _gates[payload] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string payload) => _gates[payload].TrySetResult();

    /// <summary>Completes once <paramref name="payload"/> has started being handled.</summary>
    public Task StartedAsync(string payload) =>
        _started.GetOrAdd(payload, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(Eventually.Limit);

    public async Task HandleAsync(InboxWork work, CancellationToken ct)
    {
        Seen.Enqueue(work);
        _log.Started(work.Item.Lane);
        string? handled = null;
        try
        {
            _started.GetOrAdd(work.Payload, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            if (_gates.TryGetValue(work.Payload, out var gate))
            {
                await gate.Task.WaitAsync(ct);
            }

            if (Failing.Contains(work.Payload))
            {
                throw new InvalidOperationException("This one never works.");
            }

            _handled.Enqueue(work.Payload);
            handled = work.Payload;
        }
        finally
        {
            _log.Ended(work.Item.Lane, handled);
        }
    }
}

/// <summary>Bounded polling for a state the inbox reaches on its own; says what it waited for if it never does.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string waitingFor)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {waitingFor}.");
            }

            await Task.Delay(10);
        }
    }
}
