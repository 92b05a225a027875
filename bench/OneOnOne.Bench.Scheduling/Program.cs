using System.Diagnostics;
using System.Runtime;
using OneOnOne.Bench.Scheduling;

// Hand-run benchmarks for the scheduling work of issue 3; see docs/benchmarks.md. Always run in Release:
//   dotnet run -c Release --project bench/OneOnOne.Bench.Scheduling -- [all|startup|throughput|digest|clock|migrator] [--options]
// Every file lives under a temp directory that is deleted at the end (--keep to keep it).
var args0 = BenchArgs.Parse(args);
using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(args0.Int("timeout-minutes", 15)));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

switch (args0.Command)
{
    // Children: one measurement each, in a fresh process.
    case "startup-run":
        return await StartupScenario.ChildMainAsync(args0, cts.Token);
    case "digest-run":
        return await DigestScenario.ChildMainAsync(args0, cts.Token);
    case "migrator-run":
        return await MigratorScenario.ChildMainAsync(args0, cts.Token);
}

#if DEBUG
Console.Error.WriteLine("warning: this is a Debug build; figures are only meaningful with -c Release.");
#endif

var directory = args0.String("dir") ?? Path.Combine(Path.GetTempPath(), $"oneonone-bench-{Environment.ProcessId}");
Directory.CreateDirectory(directory);
var started = Stopwatch.GetTimestamp();
Console.WriteLine($"# OneOnOne.Bench.Scheduling: {args0.Command}");
Console.WriteLine();
Console.WriteLine($"- {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} logical cores, " +
                  $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, this process GC: {(GCSettings.IsServerGC ? "server" : "workstation")}");
Console.WriteLine($"- SQLite files under {directory}");
Console.WriteLine($"- load average at start (1/5/15 min): {LoadAverage()}");
Console.WriteLine();
try
{
    switch (args0.Command)
    {
        case "all":
            await StartupScenario.RunAsync(args0, directory, cts.Token);
            await ThroughputScenario.RunAsync(args0, directory, cts.Token);
            await DigestScenario.RunAsync(args0, directory, cts.Token);
            await ClockScenario.RunAsync(args0, directory, cts.Token);
            break;
        case "startup":
            await StartupScenario.RunAsync(args0, directory, cts.Token);
            break;
        case "throughput":
            await ThroughputScenario.RunAsync(args0, directory, cts.Token);
            break;
        case "digest":
            await DigestScenario.RunAsync(args0, directory, cts.Token);
            break;
        case "clock":
            await ClockScenario.RunAsync(args0, directory, cts.Token);
            break;
        case "migrator":
            await MigratorScenario.RunAsync(args0, directory, cts.Token);
            break;
        default:
            Console.Error.WriteLine($"Unknown command '{args0.Command}'. Use all, startup, throughput, digest, clock or migrator.");
            return 2;
    }
}
finally
{
    if (!args0.Flag("keep") && args0.String("dir") is null)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

Console.WriteLine($"Total bench time: {Stats.F(Stopwatch.GetElapsedTime(started).TotalSeconds, 0)} s; load average at the end: {LoadAverage()}.");
return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
