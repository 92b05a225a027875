using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Data;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Where the start-up migrator's time goes (issue 13: "the EF migrator alone takes 1.2–1.9 s"), step by step, in
/// fresh processes against an up-to-date file with the start-up scenario's data: the DbContext's services, the EF
/// model, then either <c>MigrateAsync</c> (what <c>DatabaseMigrator</c> does) or only
/// <c>GetPendingMigrationsAsync</c> (the lever: skip Migrate when nothing is pending), the WAL pragma and the
/// accent renormalization's read of every person; then the same again warm, to split JIT from work.
/// </summary>
internal static class MigratorScenario
{
    internal sealed record Result(
        string Variant,
        double PreMs,
        double ServicesMs,
        double ModelMs,
        double MigrateOrCheckMs,
        double WalMs,
        double RenormalizeMs,
        double TotalMs,
        double CpuMs,
        double WarmMigrateOrCheckMs,
        double WarmRenormalizeMs,
        long PeakRss);

    public static async Task RunAsync(BenchArgs args, string directory, CancellationToken ct)
    {
        var followUps = args.Int("followups", 100_000);
        var runs = args.Int("runs", 5);
        Console.WriteLine($"## Start-up migrator, step by step ({Stats.N(followUps)} pending follow-ups, up-to-date file)");
        Console.WriteLine();

        var path = Path.Combine(directory, "migrator.db");
        await BenchDatabase.CreateAsync(path, ct);
        StartupScenario.Seed(path, followUps);

        var results = new List<Result>();
        for (var i = 0; i < runs; i++)
        {
            foreach (var variant in new[] { "migrate", "check" })
            {
                results.Add(await ChildProcess.RunAsync<Result>(["migrator-run", "--db", path, "--variant", variant], null, TimeSpan.FromMinutes(2), ct));
            }
        }

        Console.WriteLine("Each row is the median of the fresh processes of that variant; times in ms; CPU is the process' total at the end.");
        Console.WriteLine();
        Console.WriteLine("| variant | runs | pre | services | EF model | Migrate / pending check | WAL pragma | renormalize read | **migrator total** | CPU | warm Migrate / check | warm renormalize | peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Variant))
        {
            string M(Func<Result, double> pick) => Stats.F(Stats.Median(group.Select(pick).ToList()), 0);
            Console.WriteLine($"| {group.Key} | {group.Count()} | {M(r => r.PreMs)} | {M(r => r.ServicesMs)} | {M(r => r.ModelMs)} | {M(r => r.MigrateOrCheckMs)} | " +
                              $"{M(r => r.WalMs)} | {M(r => r.RenormalizeMs)} | **{M(r => r.TotalMs)}** | {M(r => r.CpuMs)} | " +
                              $"{Stats.F(Stats.Median(group.Select(r => r.WarmMigrateOrCheckMs).ToList()), 1)} | {Stats.F(Stats.Median(group.Select(r => r.WarmRenormalizeMs).ToList()), 1)} | " +
                              $"{Stats.Mb((long)Stats.Median(group.Select(r => (double)r.PeakRss).ToList()))} |");
        }

        Console.WriteLine();
    }

    /// <summary>The child: one variant, each step timed, in a process that has touched nothing of EF before.</summary>
    public static async Task<int> ChildMainAsync(BenchArgs args, CancellationToken ct)
    {
        var path = args.String("db") ?? throw new ArgumentException("--db is required.");
        var variant = args.String("variant") ?? "migrate";
        using var process = Process.GetCurrentProcess();
        var pre = (DateTime.Now - process.StartTime).TotalMilliseconds;

        var t0 = Stopwatch.GetTimestamp();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = BenchDatabase.ConnectionString(path) })
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddOneOnOneData()
            .BuildServiceProvider();
        var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var t1 = Stopwatch.GetTimestamp();
        _ = db.Model;
        var t2 = Stopwatch.GetTimestamp();
        await MigrateOrCheckAsync(db, variant, ct);
        var t3 = Stopwatch.GetTimestamp();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        var t4 = Stopwatch.GetTimestamp();
        await ReadPeopleAsync(db, ct);
        var t5 = Stopwatch.GetTimestamp();
        await scope.DisposeAsync();
        process.Refresh();
        var cpu = process.TotalProcessorTime.TotalMilliseconds;

        await using var warm = services.CreateAsyncScope();
        var warmDb = warm.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var w0 = Stopwatch.GetTimestamp();
        await MigrateOrCheckAsync(warmDb, variant, ct);
        var w1 = Stopwatch.GetTimestamp();
        await ReadPeopleAsync(warmDb, ct);
        var w2 = Stopwatch.GetTimestamp();

        ChildProcess.Report(new Result(variant, pre, Stats.Ms(t0, t1), Stats.Ms(t1, t2), Stats.Ms(t2, t3), Stats.Ms(t3, t4), Stats.Ms(t4, t5),
            Stats.Ms(t1, t5), cpu, Stats.Ms(w0, w1), Stats.Ms(w1, w2), MemorySampler.ResidentSet().Peak));
        return 0;
    }

    private static async Task MigrateOrCheckAsync(OneOnOneDbContext db, string variant, CancellationToken ct)
    {
        if (variant == "check")
        {
            _ = (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
    }

    // The same read DatabaseMigrator's renormalization makes of every person at each start.
    private static async Task ReadPeopleAsync(OneOnOneDbContext db, CancellationToken ct) =>
        _ = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.NormalizedName }).ToListAsync(ct);
}
