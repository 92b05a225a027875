using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Tests.Fakes;

namespace OneOnOne.Discord.Tests.Interactions;

public sealed class WorkQueueTests
{
    [Fact]
    public async Task Work_run_beside_the_lanes_never_holds_up_the_caller()
    {
        using var queue = new DiscordWorkQueue(Options.Create(new DiscordOptions()), NullLogger<DiscordWorkQueue>.Instance);
        using var release = new ManualResetEventSlim();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Work that blocks synchronously, as a SQLite call does; the Gateway's read loop is the caller.
        var call = Task.Run(() => queue.RunBeside(_ =>
        {
            release.Wait();
            ran.SetResult();
            return Task.CompletedTask;
        }));
        try
        {
            await call.WaitAsync(Wait.Limit);
        }
        finally
        {
            release.Set();
        }

        await ran.Task.WaitAsync(Wait.Limit);
    }
}
