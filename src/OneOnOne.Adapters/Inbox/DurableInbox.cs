using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Inbox;

namespace OneOnOne.Adapters.Inbox;

/// <summary>
/// Where acknowledged inbounds wait for the engine, durably: an adapter stores an inbound here (the store's
/// write is its de-duplication claim) and only then acknowledges it, so a crash loses nothing acknowledged.
/// <list type="bullet">
/// <item>Each organizer has a lane; a lane's items are handled strictly in arrival order, one at a time.</item>
/// <item>At most <see cref="InboxOptions.Workers"/> lanes are worked at once, async on the thread pool. A lane
/// goes to the back of the line after each item, so one busy person cannot starve the others.</item>
/// <item>At most <see cref="InboxOptions.Capacity"/> items wait; beyond that the adapter hears "busy" and nothing is stored.</item>
/// <item>A start-up handles, in arrival order, everything an earlier run stored but did not finish.</item>
/// <item>Several instances may share the database: every <see cref="InboxOptions.PollEvery"/> an instance looks for
/// items nobody is working on (a dead instance's) and takes them over. A lane is claimed item by item in the store,
/// so an organizer's items run one at a time and in order across instances; a lane another instance holds is
/// looked at again every poll until it is free.</item>
/// <item>A claim is a lease, renewed while its item is handled, so only a dead instance's work is taken over.</item>
/// <item>A stop drains within the host's shutdown timeout; what is left stays stored for the next start.</item>
/// <item>A handler that throws is retried with growing pauses, then the item is given up on.</item>
/// </list>
/// </summary>
public sealed partial class DurableInbox : IHostedService, IAsyncDisposable
{
    private readonly IInboxStore _store;
    private readonly IReadOnlyDictionary<string, IInboxHandler> _handlers;
    private readonly InboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DurableInbox> _logger;

    private readonly Lock _gate = new();

    // One lane's acceptances are stored one at a time, so no worker can claim an item (its lane's oldest) before
    // its live companion is in place. Striped by lane: other lanes' acceptances don't wait.
    private readonly SemaphoreSlim[] _accepting = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    // The lanes with work, each with the ids of its items. A lane listed here is, at any moment, either in
    // _ready, being worked on, or paused before a retry: never two of these at once. Which item comes next is
    // the store's to say (the lane's oldest), not the order in which concurrent acceptances got here.
    private readonly Dictionary<string, HashSet<long>> _lanes = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<long, object> _live = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationToken _aborted;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string[] _platforms;
    private int _waiting;
    private long _accepted;
    private long _finished;
    private bool _stopping;
    private Task[] _workers = [];
    private Task _sweeper = Task.CompletedTask;
    private Task _poller = Task.CompletedTask;
    private int _disposed;

    public DurableInbox(IInboxStore store, IEnumerable<IInboxHandler> handlers, IOptions<InboxOptions> options, TimeProvider time, ILogger<DurableInbox> logger)
    {
        _store = store;
        _handlers = handlers.ToDictionary(h => h.Platform, StringComparer.Ordinal);
        _platforms = [.. _handlers.Keys];
        _options = options.Value;
        _time = time;
        _logger = logger;
        _aborted = _abort.Token;
    }

    /// <summary>Items taken so far (stored, found at start, or taken over from a dead instance); with <see cref="Finished"/>, lets tests and health checks see when the bot is idle.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Items done with so far: handled, given up on, or left to another instance.</summary>
    public long Finished => Interlocked.Read(ref _finished);

    /// <summary>Items stored and not yet finished by this process: zero when it is idle.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="item"/> for its lane. Once this returns <see cref="InboxAcceptance.Accepted"/>, the
    /// adapter may acknowledge it: it will be handled, by this process or, after a crash, by the next.
    /// </summary>
    /// <param name="live">Kept in memory beside the item for its handler, e.g. a slot for an answer that can ride on the acknowledgement.</param>
    public async ValueTask<InboxAcceptance> AcceptAsync(NewInboxItem item, object? live = null, CancellationToken ct = default)
    {
        if (!_handlers.ContainsKey(item.Platform))
        {
            throw new ArgumentException($"No inbox handler takes platform {item.Platform}.", nameof(item));
        }

        lock (_gate)
        {
            if (_stopping || _waiting >= _options.Capacity)
            {
                return InboxAcceptance.Busy;
            }

            // Reserved before the write, so a burst can't overshoot the capacity while its writes are under way.
            _waiting++;
        }

        var accepting = _accepting[(uint)StringComparer.Ordinal.GetHashCode(item.Lane) % (uint)_accepting.Length];
        try
        {
            await accepting.WaitAsync(ct);
        }
        catch
        {
            Release();
            throw;
        }

        try
        {
            var added = await _store.TryAddAsync(item, ct);
            if (added.Status == InboxAdditionStatus.Duplicate)
            {
                Release();
                return InboxAcceptance.Duplicate;
            }

            if (live is not null)
            {
                _live[added.Id] = live;
            }

            lock (_gate)
            {
                if (!Track(item.Lane, added.Id))
                {
                    // A poll took it on first, as abandoned (its acceptance took longer than a lease): counted once.
                    _waiting--;
                }
            }

            return InboxAcceptance.Accepted;
        }
        catch
        {
            Release();
            throw;
        }
        finally
        {
            accepting.Release();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var unfinished = await _store.ListUnfinishedAsync(_platforms, cancellationToken);
        if (unfinished.Count > 0)
        {
            LogResuming(unfinished.Count);
        }

        foreach (var item in unfinished)
        {
            Adopt(item.Lane, item.Id);
        }

        // The timers start counting now, not whenever their loops first run: time moved right after a start counts.
        var sweeps = new PeriodicTimer(_options.SweepEvery, _time);
        var polls = new PeriodicTimer(_options.PollEvery, _time);
        _workers = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        _sweeper = Task.Run(() => RunEveryTickAsync(sweeps, SweepAsync), CancellationToken.None);
        _poller = Task.Run(() => RunEveryTickAsync(polls, PollAsync), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopping = true;
            if (_waiting == 0)
            {
                _drained.TrySetResult();
            }
        }

        try
        {
            await _drained.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogLeftForNextStart(Waiting);
            await _abort.CancelAsync();
            _ready.Writer.TryComplete();
            return;
        }

        _ready.Writer.TryComplete();
        await _abort.CancelAsync();
        await Task.WhenAll([.. _workers, _sweeper, _poller]);
    }

    /// <summary>Without a stop first, this is a crash as far as the items are concerned: whatever was unfinished stays stored.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _ready.Writer.TryComplete();
        await _abort.CancelAsync();

        // Everything running ends at the abort; only then can what it uses go.
        await Task.WhenAll([.. _workers, _sweeper, _poller]);
        _abort.Dispose();
        foreach (var accepting in _accepting)
        {
            accepting.Dispose();
        }
    }

    /// <summary>
    /// Lists the item in its lane, putting the lane in line if nothing of it was waiting; false when it is listed
    /// already. The caller holds <see cref="_gate"/>.
    /// </summary>
    private bool Track(string lane, long id)
    {
        if (_lanes.TryGetValue(lane, out var items))
        {
            if (!items.Add(id))
            {
                return false;
            }
        }
        else
        {
            _lanes[lane] = [id];
            _ready.Writer.TryWrite(lane);
        }

        Interlocked.Increment(ref _accepted);
        return true;
    }

    /// <summary>Takes on an item this process did not accept: found at start, or left by a dead instance. False if it has it already.</summary>
    private bool Adopt(string lane, long id)
    {
        lock (_gate)
        {
            if (_stopping || !Track(lane, id))
            {
                return false;
            }

            // Acknowledged long ago: taken whatever the capacity, which only limits new arrivals.
            _waiting++;
            return true;
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _waiting--;
            if (_stopping && _waiting == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Items of a lane are done with (here): the lane goes to the back of the line if it has more.</summary>
    private void Finish(string lane, params IReadOnlyCollection<long> ids)
    {
        lock (_gate)
        {
            var items = _lanes[lane];
            foreach (var id in ids)
            {
                _live.TryRemove(id, out _);
                if (items.Remove(id))
                {
                    _waiting--;
                    Interlocked.Increment(ref _finished);
                }
            }

            if (items.Count == 0)
            {
                _lanes.Remove(lane);
            }
            else
            {
                _ready.Writer.TryWrite(lane);
            }

            if (_stopping && _waiting == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private async Task WorkAsync()
    {
        while (!_aborted.IsCancellationRequested && await _ready.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (!_aborted.IsCancellationRequested && _ready.Reader.TryRead(out var lane))
            {
                await WorkOnAsync(lane);
            }
        }
    }

    private async Task WorkOnAsync(string lane)
    {
        InboxClaim claim;
        try
        {
            claim = await _store.ClaimAsync(lane, _options.Owner, _options.Lease, _aborted);
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            LogClaimFailed(exception);
            PauseThenRetry(lane, _options.RetryDelay);
            return;
        }

        if (claim.HeldUntil is { } until)
        {
            // Another instance holds the lane (or held it, and died): look again when its lease runs out, or at the
            // next poll if that comes first, as it usually will: a living holder is done long before its lease ends.
            LogLaneHeld();
            var leaseLeft = until - _time.GetUtcNow();
            PauseThenRetry(lane, leaseLeft < _options.PollEvery ? leaseLeft : _options.PollEvery);
            return;
        }

        if (claim.Item is not { } item)
        {
            // Finished elsewhere already: nothing of this lane is left to do.
            Finish(lane, LaneItems(lane));
            return;
        }

        _live.TryGetValue(item.Id, out var live);
        try
        {
            await HandleLeasedAsync(item, live);
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            // Stopped past the host's timeout: the item stays stored, unfinished, for the next start.
            return;
        }
        catch (Exception exception)
        {
            // The exception, never the payload: it may hold response URLs and tokens.
            LogHandlerFailed(exception, item.Platform, item.Kind, item.Attempts);
            if (item.Attempts < _options.MaxAttempts)
            {
                PauseThenRetry(lane, _options.RetryDelay * Math.Pow(2, item.Attempts - 1));
                return;
            }

            LogGaveUp(item.Platform, item.Kind, item.Attempts);
            await CompleteAsync(item, InboxOutcome.GaveUp);
            Finish(lane, item.Id);
            return;
        }

        await CompleteAsync(item, InboxOutcome.Handled);
        Finish(lane, item.Id);
    }

    /// <summary>Runs the item's handler, renewing the lease on it for as long as that takes.</summary>
    private async Task HandleLeasedAsync(ClaimedInboxItem item, object? live)
    {
        using var handling = CancellationTokenSource.CreateLinkedTokenSource(_aborted);
        var renewing = RenewLeaseAsync(item.Id, handling.Token);
        try
        {
            await _handlers[item.Platform].HandleAsync(new InboxWork(item, live), _aborted);
        }
        finally
        {
            await handling.CancelAsync();
            await renewing;
        }
    }

    /// <summary>
    /// Renews the lease every third of its length until <paramref name="handling"/> ends, so one late or failed
    /// renewal still leaves time for the next: only a dead instance's items are taken over.
    /// </summary>
    private async Task RenewLeaseAsync(long id, CancellationToken handling)
    {
        using var timer = new PeriodicTimer(_options.Lease / 3, _time);
        while (await WaitForTickAsync(timer, handling))
        {
            try
            {
                if (!await _store.RenewAsync(id, _options.Owner, _options.Lease, handling))
                {
                    LogLeaseLost();
                    return;
                }
            }
            catch (OperationCanceledException) when (handling.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRenewFailed(exception);
            }
        }
    }

    private async Task CompleteAsync(ClaimedInboxItem item, InboxOutcome outcome)
    {
        try
        {
            // Not cancelled by a stop: the work is done, and saying so is what keeps it from being done again.
            await _store.CompleteAsync(item.Id, outcome, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Left unfinished in the store, the item is handled again after a restart; the engine's own
            // de-duplication then recognises its delivery id.
            LogCompleteFailed(exception);
        }
    }

    private long[] LaneItems(string lane)
    {
        lock (_gate)
        {
            return [.. _lanes[lane]];
        }
    }

    /// <summary>Takes the lane out of the line for <paramref name="pause"/>, holding its later items behind the failed one.</summary>
    private void PauseThenRetry(string lane, TimeSpan pause) => _ = ResumeLaterAsync(lane, pause);

    private async Task ResumeLaterAsync(string lane, TimeSpan pause)
    {
        try
        {
            await Task.Delay(pause > TimeSpan.Zero ? pause : TimeSpan.Zero, _time, _aborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _ready.Writer.TryWrite(lane);
    }

    /// <summary>Runs <paramref name="work"/> now and at every tick of <paramref name="timer"/> until the inbox stops.</summary>
    private async Task RunEveryTickAsync(PeriodicTimer timer, Func<Task> work)
    {
        using (timer)
        {
            do
            {
                await work();
            }
            while (await WaitForTickAsync(timer, _aborted));
        }
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SweepAsync()
    {
        try
        {
            var swept = await _store.SweepAsync(_options.KeepFinishedFor, _aborted);
            if (swept > 0)
            {
                LogSwept(swept);
            }
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogSweepFailed(exception);
        }
    }

    /// <summary>Takes on what nobody is working on: a dead instance's leases that ran out, and what it stored but never claimed.</summary>
    private async Task PollAsync()
    {
        try
        {
            var adopted = 0;
            foreach (var item in await _store.ListAbandonedAsync(_platforms, _options.Lease, _aborted))
            {
                if (Adopt(item.Lane, item.Id))
                {
                    adopted++;
                }
            }

            if (adopted > 0)
            {
                LogTakingOver(adopted);
            }
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogPollFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handling {Count} inbound(s) acknowledged before the last stop")]
    private partial void LogResuming(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Count} inbound(s) still to handle; they are kept for the next start")]
    private partial void LogLeftForNextStart(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Platform} {Kind} inbound could not be handled (attempt {Attempt})")]
    private partial void LogHandlerFailed(Exception exception, string platform, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on a {Platform} {Kind} inbound after {Attempts} attempts")]
    private partial void LogGaveUp(string platform, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take the next inbound from the inbox; trying again shortly")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark an inbound as handled; it may be handled again after a restart")]
    private partial void LogCompleteFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "An organizer's next inbound is leased to another instance; waiting for it")]
    private partial void LogLaneHeld();

    [LoggerMessage(Level = LogLevel.Information, Message = "Taking over {Count} inbound(s) that no instance is working on")]
    private partial void LogTakingOver(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for inbounds left by other instances; looking again shortly")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An inbound's lease was taken over while it was being handled; its handling took longer than Inbox:Lease")]
    private partial void LogLeaseLost();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease on an inbound being handled; trying again shortly")]
    private partial void LogRenewFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forgot {Count} handled inbound(s) past the de-duplication window")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear old handled inbounds; trying again later")]
    private partial void LogSweepFailed(Exception exception);
}
