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

    public async Task<List<StoredRow>> RowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_harness.DatabasePath}");
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

    public async ValueTask DisposeAsync()
    {
        await Inbox.StopAsync(CancellationToken.None);
        await Inbox.DisposeAsync();
        await _harness.DisposeAsync();
    }

    private DurableInbox NewInbox() =>
        new(Pausing = new PausingStore(Store), [Handler], Microsoft.Extensions.Options.Options.Create(Options), _harness.Time, NullLogger<DurableInbox>.Instance);
}

/// <summary>Stores as the real store does; an item's acceptance can be held just after its row is committed.</summary>
public sealed class PausingStore(IInboxStore store) : IInboxStore
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Stored, TaskCompletionSource Resume)> _pauses = new();

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

    public Task<InboxClaim> ClaimAsync(string lane, string owner, TimeSpan lease, CancellationToken ct) => store.ClaimAsync(lane, owner, lease, ct);

    public Task CompleteAsync(long id, InboxOutcome outcome, CancellationToken ct) => store.CompleteAsync(id, outcome, ct);

    public Task<int> SweepAsync(TimeSpan keepFor, CancellationToken ct) => store.SweepAsync(keepFor, ct);
}

public sealed record StoredRow(long Id, string Lane, string? Payload, int Attempts, bool Finished, string? Outcome);

/// <summary>Records each item it handles, in order; a payload can be held at a gate, or made to fail.</summary>
public sealed class RecordingHandler : IInboxHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly Lock _gate = new();
    private readonly List<string> _handled = [];
    private readonly Dictionary<string, int> _busyLanes = [];

    public string Platform => InboxFixture.Platform;

    public ConcurrentQueue<InboxWork> Seen { get; } = new();

    /// <summary>Payloads that always throw.</summary>
    public HashSet<string> Failing { get; } = [];

    /// <summary>Most items of one lane ever handled at the same moment.</summary>
    public int MostAtOnceInALane { get; private set; }

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

    /// <summary>Holds <paramref name="payload"/> when it starts, until <see cref="Release"/>.</summary>
    public void Hold(string payload) => _gates[payload] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string payload) => _gates[payload].TrySetResult();

    /// <summary>Completes once <paramref name="payload"/> has started being handled.</summary>
    public Task StartedAsync(string payload) =>
        _started.GetOrAdd(payload, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(Eventually.Limit);

    public async Task HandleAsync(InboxWork work, CancellationToken ct)
    {
        Seen.Enqueue(work);
        lock (_gate)
        {
            var busy = _busyLanes[work.Item.Lane] = _busyLanes.GetValueOrDefault(work.Item.Lane) + 1;
            MostAtOnceInALane = Math.Max(MostAtOnceInALane, busy);
        }

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

            lock (_gate)
            {
                _handled.Add(work.Payload);
            }
        }
        finally
        {
            lock (_gate)
            {
                _busyLanes[work.Item.Lane]--;
            }
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
