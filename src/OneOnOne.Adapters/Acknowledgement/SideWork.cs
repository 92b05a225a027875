using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Adapters.Acknowledgement;

/// <summary>
/// Short work that runs at once, beside the inbox's lanes, and is still waited for at shutdown: what a
/// platform lets us do only within seconds (opening a modal with a trigger id), answering on a socket
/// without stalling its read loop, telling someone the bot is busy. Never on the caller's thread: a
/// transport's read loop calls this, and must not stall while the work does something synchronous.
/// </summary>
public sealed partial class SideWork(ILogger<SideWork> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _orderGate = new();
    private Task _lastInOrder = Task.CompletedTask;

    public void Run(Func<CancellationToken, Task> work) => Track(Task.Run(() => RunSafelyAsync(work), CancellationToken.None));

    /// <summary>
    /// Like <see cref="Run"/>, but after all work given here before has finished: for what must keep the order
    /// it arrived in, such as storing one person's messages, without holding up the caller.
    /// </summary>
    public void RunInOrder(Func<CancellationToken, Task> work)
    {
        lock (_orderGate)
        {
            var previous = _lastInOrder;
            _lastInOrder = Task.Run(
                async () =>
                {
                    // Never faults: RunSafelyAsync keeps every failure to itself.
                    await previous;
                    await RunSafelyAsync(work);
                },
                CancellationToken.None);
            Track(_lastInOrder);
        }
    }

    private void Track(Task task)
    {
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned();
            await _abort.CancelAsync();
        }
    }

    public void Dispose() => _abort.Cancel();

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Work beside the lanes failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped before all work beside the lanes was done")]
    private partial void LogAbandoned();
}
