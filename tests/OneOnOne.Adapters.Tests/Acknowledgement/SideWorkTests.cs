using Microsoft.Extensions.Logging.Abstractions;
using OneOnOne.Adapters.Acknowledgement;

namespace OneOnOne.Adapters.Tests.Acknowledgement;

public sealed class SideWorkTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly SideWork _beside = new(NullLogger<SideWork>.Instance);

    [Fact]
    public async Task Work_run_beside_the_lanes_never_holds_up_the_caller()
    {
        using var release = new ManualResetEventSlim();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Work that blocks synchronously, as a SQLite call does; a socket's read loop is the caller.
        var call = Task.Run(() => _beside.Run(ct =>
        {
            release.Wait(ct);
            ran.SetResult();
            return Task.CompletedTask;
        }));
        try
        {
            await call.WaitAsync(Limit);
        }
        finally
        {
            release.Set();
        }

        await ran.Task.WaitAsync(Limit);
    }

    [Fact]
    public async Task Work_run_in_order_starts_only_once_the_earlier_work_is_done_even_if_that_failed()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();

        _beside.RunInOrder(async _ =>
        {
            await first.Task;
            order.Add("first");
            throw new InvalidOperationException("Fails after its part.");
        });
        _beside.RunInOrder(_ =>
        {
            order.Add("second");
            return Task.CompletedTask;
        });
        first.SetResult();
        await _beside.StopAsync(CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(["first", "second"], order);
    }

    [Fact]
    public async Task A_stop_waits_for_work_under_way()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = false;
        _beside.Run(async _ =>
        {
            await release.Task;
            done = true;
        });

        var stopping = _beside.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        release.SetResult();
        await stopping.WaitAsync(Limit);

        Assert.True(done);
    }
}
