using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneOnOne.Charts;
using OneOnOne.Core;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Data;
using OneOnOne.Scheduling;
using Quartz;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Benchmark 1: the bot's scheduling host (migrator, Quartz with its persistent SQLite store, the dispatch
/// job) starting on a file that holds 100,000 pending follow-ups, each start in a fresh process.
/// </summary>
internal static class StartupScenario
{
    public sealed record Result(
        bool ServerGc,
        double ProcessUptimeAtBuildMs,
        double BuildMs,
        double StartAsyncMs,
        double MigratorMs,
        double QuartzStartMs,
        double FirstPassStartMs,
        double FirstPassMs,
        double ReadyMs,
        double CpuMs,
        long PeakRss,
        long Rss,
        long PeakManaged,
        long PeakCommitted,
        long GcHeapAtLastGc,
        long LiveAfterFullGc,
        long Allocated,
        int Gen0,
        int Gen1,
        int Gen2,
        long PendingAfter,
        int Sends);

    public static async Task RunAsync(BenchArgs args, string directory, CancellationToken ct)
    {
        var followUps = args.Int("followups", 100_000);
        var runs = args.Int("runs", 3);
        Console.WriteLine($"## 1. Start-up with {Stats.N(followUps)} pending follow-ups");
        Console.WriteLine();

        // Baseline: a brand-new file (migrations from nothing, Quartz creates its tables), then the same file again.
        var fresh = Path.Combine(directory, "startup-fresh.db");
        var freshFirst = await ChildAsync(fresh, serverGc: true, create: true, ct);
        var emptyRuns = new List<Result>();
        for (var i = 0; i < runs; i++)
        {
            emptyRuns.Add(await ChildAsync(fresh, serverGc: true, create: false, ct));
        }

        var path = Path.Combine(directory, "startup-100k.db");
        var migrateMs = await BenchDatabase.CreateAsync(path, ct);
        var (seedMs, rows) = Seed(path, followUps);
        Console.WriteLine($"Seeded {Stats.N(rows)} rows ({Stats.N(followUps)} pending follow-ups, due from +1 h to +30 days) " +
                          $"in {Stats.F(seedMs, 0)} ms after migrating in {Stats.F(migrateMs, 0)} ms; file {Stats.Mb(BenchDatabase.FileBytes(path))}.");
        Console.WriteLine();

        var seededFirst = await ChildAsync(path, serverGc: true, create: false, ct);
        var server = new List<Result>();
        var workstation = new List<Result>();
        for (var i = 0; i < runs; i++)
        {
            server.Add(await ChildAsync(path, serverGc: true, create: false, ct));
            workstation.Add(await ChildAsync(path, serverGc: false, create: false, ct));
        }

        Console.WriteLine("Each row is one fresh process; times from the host builder's creation (runtime start-up before it: see 'pre').");
        Console.WriteLine("ready = the dispatch job's first pass has finished (Quartz only starts once StartAsync has returned).");
        Console.WriteLine();
        Console.WriteLine("| case | GC | pre ms | build ms | StartAsync ms (migrator / Quartz) | 1st pass begins ms | 1st pass ms | ready ms | CPU ms | peak RSS | peak managed | GC committed peak | live after full GC | allocated | gen0/1/2 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Row("new file (migrate + Quartz schema)", freshFirst);
        foreach (var r in emptyRuns)
        {
            Row("0 follow-ups", r);
        }

        Row($"{Stats.N(followUps)}, first start (Quartz schema)", seededFirst);
        foreach (var r in server)
        {
            Row($"{Stats.N(followUps)} pending", r);
        }

        foreach (var r in workstation)
        {
            Row($"{Stats.N(followUps)} pending", r);
        }

        Console.WriteLine();
        Console.WriteLine($"Median ready, {Stats.N(followUps)} pending: server GC {Stats.F(Stats.Median(server.Select(r => r.ReadyMs).ToList()), 0)} ms, " +
                          $"workstation GC {Stats.F(Stats.Median(workstation.Select(r => r.ReadyMs).ToList()), 0)} ms; " +
                          $"0 follow-ups {Stats.F(Stats.Median(emptyRuns.Select(r => r.ReadyMs).ToList()), 0)} ms.");
        Console.WriteLine($"Median peak RSS, {Stats.N(followUps)} pending: server GC {Stats.Mb((long)Stats.Median(server.Select(r => (double)r.PeakRss).ToList()))}, " +
                          $"workstation GC {Stats.Mb((long)Stats.Median(workstation.Select(r => (double)r.PeakRss).ToList()))}.");
        var untouched = server.Concat(workstation).All(r => r.PendingAfter == followUps && r.Sends == 0);
        Console.WriteLine($"Check: every start left all {Stats.N(followUps)} follow-ups pending and sent nothing: {(untouched ? "yes" : "NO")}.");
        Console.WriteLine();
    }

    /// <summary>The child: build, start, wait for the first dispatch pass, measure, stop.</summary>
    public static async Task<int> ChildMainAsync(BenchArgs args, CancellationToken ct)
    {
        var path = args.String("db") ?? throw new ArgumentException("--db is required.");
        using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(5));
        using var process = Process.GetCurrentProcess();
        var uptime = (DateTime.Now - process.StartTime).TotalMilliseconds;
        var t0 = Stopwatch.GetTimestamp();

        var messenger = new CountingMessenger();
        var firstPass = new FirstPassListener();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = BenchDatabase.ConnectionString(path),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Markers between the hosted services (started in registration order) split StartAsync into its parts.
        var marks = new StartMarks();
        builder.Services.AddSingleton<IHostedService>(new StartMarks.Marker(marks, 0));
        builder.Services.AddOneOnOneData();
        builder.Services.AddSingleton<IHostedService>(new StartMarks.Marker(marks, 1));
        builder.Services.AddOneOnOneEngine();
        builder.Services.AddOneOnOneCharts();
        builder.Services.AddOneOnOneScheduling(builder.Configuration);
        builder.Services.AddSingleton<IHostedService>(new StartMarks.Marker(marks, 2));
        builder.Services.AddSingleton<IPlatformMessenger>(messenger);
        builder.Services.AddQuartz(quartz => quartz.AddJobListener(firstPass, [Matchers.Key(DispatchDueJob.Key)]));
        using var host = builder.Build();
        var built = Stopwatch.GetTimestamp();

        await host.StartAsync(ct);
        var started = Stopwatch.GetTimestamp();
        await firstPass.Finished.WaitAsync(TimeSpan.FromSeconds(60), ct);
        var ready = Stopwatch.GetTimestamp();
        process.Refresh();
        var cpu = process.TotalProcessorTime.TotalMilliseconds;

        sampler.Sample();
        var (peakRss, rss) = MemorySampler.ResidentSet();
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var live = GC.GetTotalMemory(forceFullCollection: true);

        await host.StopAsync(ct);
        var pending = await BenchDatabase.ScalarAsync(path, $"SELECT COUNT(*) FROM FollowUps WHERE Status = '{FollowUpStatus.Pending}'", ct);

        ChildProcess.Report(new Result(
            GCSettings.IsServerGC,
            uptime,
            Stats.Ms(t0, built),
            Stats.Ms(built, started),
            Stats.Ms(marks.At[0], marks.At[1]),
            Stats.Ms(marks.At[1], marks.At[2]),
            Stats.Ms(t0, firstPass.BeganAt),
            Stats.Ms(firstPass.BeganAt, firstPass.FinishedAt),
            Stats.Ms(t0, ready),
            cpu,
            peakRss,
            rss,
            sampler.PeakManagedBytes,
            sampler.PeakCommittedBytes,
            heap,
            live,
            allocated,
            gen0,
            gen1,
            gen2,
            pending,
            messenger.Sends));
        return 0;
    }

    private static Task<Result> ChildAsync(string path, bool serverGc, bool create, CancellationToken ct)
    {
        if (create)
        {
            BenchDatabase.Delete(path);
        }

        return ChildProcess.RunAsync<Result>(
            ["startup-run", "--db", path],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = serverGc ? "1" : "0" },
            TimeSpan.FromMinutes(2),
            ct);
    }

    private static void Row(string label, Result r) =>
        Console.WriteLine(
            $"| {label} | {(r.ServerGc ? "server" : "workstation")} | {Stats.F(r.ProcessUptimeAtBuildMs, 0)} | {Stats.F(r.BuildMs, 0)} | " +
            $"{Stats.F(r.StartAsyncMs, 0)} ({Stats.F(r.MigratorMs, 0)} / {Stats.F(r.QuartzStartMs, 0)}) | {Stats.F(r.FirstPassStartMs, 0)} | {Stats.F(r.FirstPassMs, 0)} | **{Stats.F(r.ReadyMs, 0)}** | {Stats.F(r.CpuMs, 0)} | " +
            $"{Stats.Mb(r.PeakRss)} | {Stats.Mb(r.PeakManaged)} | {Stats.Mb(r.PeakCommitted)} | {Stats.Mb(r.LiveAfterFullGc)} | " +
            $"{Stats.Mb(r.Allocated)} | {r.Gen0}/{r.Gen1}/{r.Gen2} |");

    /// <summary>
    /// 10 teams of 100 organizers, 20 people each; 40% of the follow-ups are a pocket guide and a did-you-meet
    /// for each of the meetings scheduled over the next 30 days, the rest maintenance check-ins.
    /// </summary>
    internal static (double Ms, long Rows) Seed(string path, int followUps)
    {
        var now = DateTimeOffset.UtcNow;
        using var seed = Seeder.OpenAsync(path, CancellationToken.None).GetAwaiter().GetResult();
        var organizers = new List<(int Id, int Team, int[] People)>();
        for (var t = 0; t < 10; t++)
        {
            var team = seed.Team(now.AddDays(-400), "C-digest", now.AddDays(3));
            for (var o = 0; o < 100; o++)
            {
                var organizer = seed.Organizer(team, now.AddDays(-300), now.AddDays(-1));
                var people = Enumerable.Range(0, 20).Select(_ => seed.Person(team, organizer, now.AddDays(-200), EngagementLevel.Contributor)).ToArray();
                organizers.Add((organizer, team, people));
            }
        }

        var meetings = followUps * 2 / 5 / 2;
        for (var i = 0; i < meetings; i++)
        {
            var (organizer, _, people) = organizers[i % organizers.Count];
            var person = people[i / organizers.Count % people.Length];
            var start = now.AddHours(2) + seed.Jitter(TimeSpan.FromDays(30));
            var meeting = seed.Meeting(organizer, person, MeetingKind.Recruitment, MeetingStatus.Scheduled, start, now.AddDays(-1));
            seed.FollowUp(organizer, person, meeting, FollowUpKind.PocketGuide, start.AddHours(-1), FollowUpStatus.Pending, now.AddDays(-1), start);
            seed.FollowUp(organizer, person, meeting, FollowUpKind.DidYouMeet, start.AddMinutes(75), FollowUpStatus.Pending, now.AddDays(-1), start);
        }

        for (var i = meetings * 2; i < followUps; i++)
        {
            var (organizer, _, people) = organizers[i % organizers.Count];
            seed.FollowUp(organizer, people[i % people.Length], null, FollowUpKind.MaintenanceCheckIn,
                now.AddHours(1) + seed.Jitter(TimeSpan.FromDays(30)), FollowUpStatus.Pending, now.AddDays(-1));
        }

        return (seed.Commit(), seed.Rows);
    }

    private sealed class StartMarks
    {
        public long[] At { get; } = new long[3];

        public sealed class Marker(StartMarks marks, int index) : IHostedService
        {
            public Task StartAsync(CancellationToken cancellationToken)
            {
                marks.At[index] = Stopwatch.GetTimestamp();
                return Task.CompletedTask;
            }

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }

    /// <summary>Signals when the dispatch job's first execution begins and ends.</summary>
    private sealed class FirstPassListener : IJobListener
    {
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "bench-first-pass";

        public Task Finished => _finished.Task;

        public long BeganAt { get; private set; }

        public long FinishedAt { get; private set; }

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (BeganAt == 0)
            {
                BeganAt = Stopwatch.GetTimestamp();
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (FinishedAt == 0)
            {
                FinishedAt = Stopwatch.GetTimestamp();
                if (jobException is not null)
                {
                    _finished.TrySetException(jobException);
                }
                else
                {
                    _finished.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
