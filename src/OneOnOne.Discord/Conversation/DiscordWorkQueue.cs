using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneOnOne.Discord.Conversation;

/// <summary>
/// Where acknowledged inputs wait for the engine. Discord wants its answer within 3 seconds; the
/// engine writes to the database and may take longer. Work is spread over lanes by person, so one
/// person's inputs are handled in the order they came (an answer never overtakes the question before
/// it) while different people are served side by side. The queue is bounded: when it is full, the
/// caller tells the person the bot is busy rather than let memory grow. On shutdown the lanes are
/// drained within the host's shutdown timeout.
/// Each lane has a thread of its own: SQLite does its I/O synchronously (async calls included), and a
/// lane blocked on a disk flush must not hold a thread-pool thread that the interactions endpoint
/// needs to answer within Discord's 3 seconds.
/// </summary>
internal sealed partial class DiscordWorkQueue : IHostedService, IDisposable
{
    private readonly Channel<Func<CancellationToken, Task>>[] _lanes;
    private readonly ConcurrentDictionary<Task, byte> _sideTasks = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly ILogger<DiscordWorkQueue> _logger;
    private Task[] _workers = [];
    private long _accepted;
    private long _finished;

    public DiscordWorkQueue(IOptions<DiscordOptions> options, ILogger<DiscordWorkQueue> logger)
    {
        _logger = logger;
        var lanes = Math.Max(1, options.Value.Workers);
        var perLane = Math.Max(1, options.Value.QueueCapacity / lanes);
        _lanes = Enumerable.Range(0, lanes)
            .Select(_ => Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(perLane)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            }))
            .ToArray();
    }

    /// <summary>Inputs taken so far; with <see cref="Finished"/>, lets tests and health checks see when the bot is idle.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public long Finished => Interlocked.Read(ref _finished);

    /// <summary>Queues work behind the same person's earlier work; false when their lane is full.</summary>
    public bool TryEnqueue(string personKey, Func<CancellationToken, Task> work)
    {
        var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(personKey) % (uint)_lanes.Length)];
        if (!lane.Writer.TryWrite(work))
        {
            return false;
        }

        Interlocked.Increment(ref _accepted);
        return true;
    }

    /// <summary>
    /// Runs short work beside the lanes (answering an interaction, telling someone the bot is busy),
    /// still waited for at shutdown. Never on the caller's thread: the Gateway's read loop calls this,
    /// and must not stall while the work does something synchronous.
    /// </summary>
    public void RunBeside(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => RunSafelyAsync(work), CancellationToken.None);
        _sideTasks.TryAdd(task, 0);
        _ = task.ContinueWith(done => _sideTasks.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = _lanes.Select((lane, i) =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                Drain(lane.Reader);
                done.SetResult();
            })
            {
                IsBackground = true,
                Name = $"discord-lane-{i}",
            };
            thread.Start();
            return done.Task;
        }).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll([.. _workers, .. _sideTasks.Keys]).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned();
            await _abort.CancelAsync();
        }
    }

    public void Dispose() => _abort.Dispose();

    /// <summary>Runs a lane's work in order on the lane's own thread; the synchronous part of each item (the database) stays here.</summary>
    private void Drain(ChannelReader<Func<CancellationToken, Task>> lane)
    {
        while (lane.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (lane.TryRead(out var work))
            {
                RunSafelyAsync(work).GetAwaiter().GetResult();
                Interlocked.Increment(ref _finished);
            }
        }
    }

    private async Task RunSafelyAsync(Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Shutting down past the host's timeout.
        }
        catch (Exception exception)
        {
            LogFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A Discord input could not be handled")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped before every Discord input was handled")]
    private partial void LogAbandoned();
}
