using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneOnOne.Slack.Conversation;

/// <summary>
/// Where acknowledged deliveries wait to be worked on: Slack wants its answer in 3 seconds, the
/// engine may take longer. Work is spread over a few lanes by person, so one person's messages are
/// handled in the order they arrived while different people are served side by side. On shutdown
/// the queue is drained (within the host's shutdown timeout): an acknowledged delivery is not dropped.
/// </summary>
public sealed partial class SlackWorkQueue : IHostedService, IDisposable
{
    /// <summary>Deliveries waiting per lane before the queue says it is full (HTTP answers 503, Socket Mode holds the ack).</summary>
    public const int LaneCapacity = 2_000;

    private readonly Channel<Func<CancellationToken, Task>>[] _lanes;
    private readonly ConcurrentDictionary<Task, byte> _urgent = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly ILogger<SlackWorkQueue> _logger;
    private Task[] _workers = [];

    public SlackWorkQueue(IOptions<SlackOptions> options, ILogger<SlackWorkQueue> logger)
    {
        _logger = logger;
        _lanes = Enumerable.Range(0, Math.Max(1, options.Value.Workers))
            .Select(_ => Channel.CreateBounded<Func<CancellationToken, Task>>(
                new BoundedChannelOptions(LaneCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
            .ToArray();
    }

    /// <summary>Queues work behind earlier work with the same <paramref name="laneKey"/>; false when the lane is full.</summary>
    public bool TryEnqueue(string laneKey, Func<CancellationToken, Task> work) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(laneKey) % (uint)_lanes.Length)].Writer.TryWrite(work);

    /// <summary>Queues behind the person's earlier work, or when their lane is full, starts it at once rather than lose it.</summary>
    public void TryEnqueueOrRun(string laneKey, Func<CancellationToken, Task> work)
    {
        if (!TryEnqueue(laneKey, work))
        {
            RunNow(work);
        }
    }

    /// <summary>
    /// Starts work at once, beside the lanes: for what Slack lets us do only within seconds, such as
    /// opening a modal with a trigger id.
    /// </summary>
    public void RunNow(Func<CancellationToken, Task> work)
    {
        var task = RunSafelyAsync(work);
        _urgent.TryAdd(task, 0);
        _ = task.ContinueWith(done => _urgent.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = _lanes.Select(lane => Task.Run(() => DrainAsync(lane.Reader), CancellationToken.None)).ToArray();
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
            await Task.WhenAll([.. _workers, .. _urgent.Keys]).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned();
            await _abort.CancelAsync();
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task DrainAsync(ChannelReader<Func<CancellationToken, Task>> lane)
    {
        await foreach (var work in lane.ReadAllAsync(CancellationToken.None))
        {
            await RunSafelyAsync(work);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A Slack delivery could not be handled")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped before every Slack delivery was handled")]
    private partial void LogAbandoned();
}
