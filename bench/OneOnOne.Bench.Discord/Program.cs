using OneOnOne.Bench.Discord;

// Signed `/one-on-one help` interactions over HTTP, as Discord would send them, against the real bot
// process: wrk at the given concurrency, latency percentiles, the bot's peak memory, and how much of
// the work the engine finished behind the acknowledgements.
// `sign` and `stub` serve bench/compare.sh instead (see ScriptCommands).
if (ScriptCommands.Handles(args))
{
    return await ScriptCommands.RunAsync(args);
}

var options = BenchOptions.Parse(args);
await using var discord = await StubDiscord.StartAsync();
var work = Directory.CreateTempSubdirectory("oneonone-bench-discord-");
try
{
    Console.WriteLine($"Signing {options.Requests:N0} interactions...");
    RequestFile.Write(work.FullName, options.Requests, options.Threads, ping: options.Ping);

    await using var bot = await BotProcess.StartAsync(options, discord.ApiBaseUrl, work.FullName);
    Console.WriteLine($"Bot up on {bot.BaseUrl} (pid {bot.ProcessId}); warming up...");
    await Wrk.RunAsync(options with { Duration = TimeSpan.FromSeconds(3) }, bot.BaseUrl, work.FullName, quiet: true);
    await BotProcess.WaitForQuietAsync(discord);

    RequestFile.Write(work.FullName, options.Requests, options.Threads, seed: 2, ping: options.Ping);
    var editsBefore = discord.Edits;
    var memoryBefore = bot.PeakMemoryMiB();
    var result = await Wrk.RunAsync(options, bot.BaseUrl, work.FullName, quiet: false);
    var editsDuring = discord.Edits - editsBefore;
    await BotProcess.WaitForQuietAsync(discord);
    var peak = bot.PeakMemoryMiB();
    var breakdown = bot.MemoryBreakdown();

    Console.WriteLine();
    Console.WriteLine($"| connections | requests/s | p50 | p99 | peak memory | answered by the engine during the run | told \"busy\" |");
    Console.WriteLine($"|---|---|---|---|---|---|---|");
    Console.WriteLine($"| {options.Connections} | {result.RequestsPerSecond:N0} | {result.P50:0.00} ms | {result.P99:0.00} ms | {peak:N0} MiB | {editsDuring:N0} ({editsDuring / result.Seconds:N0}/s) | {result.Busy:N0} |");
    Console.WriteLine();
    Console.WriteLine($"wrk: {result.Requests:N0} requests in {result.Seconds:0.0} s, {result.Answered:N0} answered in the first response, {result.Deferred:N0} deferred, {result.Busy:N0} busy, {result.Other:N0} other, {result.Errors:N0} socket errors, {result.Wrapped} wraps of the signed set.");
    Console.WriteLine($"Memory after the run: {breakdown}.");
    Console.WriteLine($"Peak memory before the measured run (after warm-up): {memoryBefore:N0} MiB. Edits after the run drained: {discord.Edits - editsBefore:N0}.");
    return result.Other == 0 && result.Errors == 0 ? 0 : 1;
}
finally
{
    work.Delete(recursive: true);
}
