using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Charts;
using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Benchmark 3: TeamDigestBuilder.BuildAsync for one team of 1,000 organizers and 100,000 meetings (a second,
/// smaller team shares the file), timed in a fresh process: the first call, then warm calls, each in its own
/// scope; then each of its SQL commands with SQLite's plan; then DigestChart.RenderPng on its own.
/// </summary>
internal static class DigestScenario
{
    /// <summary>Monday 30 November 2026, 09:00 in New York: digest time.</summary>
    private static readonly DateTimeOffset To = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The indexes proposed for the digest (docs/benchmarks.md): open commitments by organizer and due date (partial),
    /// held meetings by organizer and date, people by team and level, level changes by date. Measured by default
    /// next to the file as migrated; IF NOT EXISTS, so the comparison stays harmless once they are in the migrations.
    /// </summary>
    public const string ProposedIndexes =
        "CREATE INDEX IF NOT EXISTS IX_Meetings_OrganizerId_CommitmentDueAt ON Meetings (OrganizerId, CommitmentDueAt) WHERE \"Commitment\" IS NOT NULL AND \"CommitmentDoneAt\" IS NULL;" +
        "CREATE INDEX IF NOT EXISTS IX_Meetings_OrganizerId_Status_HeldAt ON Meetings (OrganizerId, Status, HeldAt);" +
        "CREATE INDEX IF NOT EXISTS IX_People_TeamId_Level ON People (TeamId, Level);" +
        "CREATE INDEX IF NOT EXISTS IX_LevelChanges_ChangedAt ON LevelChanges (ChangedAt)";

    public sealed record QueryTiming(string Sql, int Count, double Ms, long Rows, IReadOnlyList<string> Plan);

    public sealed record Result(
        double ModelMs,
        double FirstMs,
        double SecondMs,
        IReadOnlyList<double> WarmMs,
        IReadOnlyList<double> WarmCpuMs,
        IReadOnlyList<QueryTiming> Queries,
        double ChartFirstMs,
        IReadOnlyList<double> ChartWarmMs,
        int ChartBytes,
        string Summary);

    public static async Task RunAsync(BenchArgs args, string directory, CancellationToken ct)
    {
        var organizers = args.Int("organizers", 1_000);
        var meetings = args.Int("meetings", 100_000);
        var runs = args.Int("runs", 15);
        Console.WriteLine($"## 3. Digest for one team of {Stats.N(organizers)} organizers and {Stats.N(meetings)} meetings");
        Console.WriteLine();

        var path = Path.Combine(directory, "digest.db");
        var migrateMs = await BenchDatabase.CreateAsync(path, ct);
        var (seedMs, rows, counts) = Seed(path, organizers, meetings);
        Console.WriteLine($"Seeded {Stats.N(rows)} rows in {Stats.F(seedMs, 0)} ms (migrated in {Stats.F(migrateMs, 0)} ms), file {Stats.Mb(BenchDatabase.FileBytes(path))}: {counts}.");
        Console.WriteLine();

        // --try-index "CREATE INDEX a ...; CREATE INDEX b ...|CREATE INDEX c ...": each '|'-separated variant is measured on
        // its own (created, measured, dropped again). No ANALYZE: the bot never runs it, so the planner sees what it sees in production.
        var variants = new List<string?> { null };
        variants.AddRange((args.String("try-index") ?? (args.Flag("no-proposed") ? string.Empty : ProposedIndexes)).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var variant in variants)
        {
            var statements = (variant ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var created = new List<string>();
            foreach (var statement in statements)
            {
                var name = IndexName(statement);
                if (name is not null && await BenchDatabase.ScalarAsync(path, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'", ct) == 0)
                {
                    created.Add(name);
                }

                await BenchDatabase.ScalarAsync(path, statement, ct);
            }

            var result = await ChildProcess.RunAsync<Result>(
                ["digest-run", "--db", path, "--runs", runs.ToString(CultureInfo.InvariantCulture)],
                null, TimeSpan.FromMinutes(3), ct);
            Print(variant is null ? "as migrated" : variant == ProposedIndexes ? "as migrated plus the proposed four" : $"as migrated plus `{variant}`", result);

            foreach (var name in created)
            {
                await BenchDatabase.ScalarAsync(path, $"DROP INDEX {name}", ct);
            }
        }
    }

    private static string? IndexName(string statement) =>
        statement.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(w => !w.Equals("INDEX", StringComparison.OrdinalIgnoreCase)).Skip(1)
            .SkipWhile(w => w.Equals("IF", StringComparison.OrdinalIgnoreCase) || w.Equals("NOT", StringComparison.OrdinalIgnoreCase)
                            || w.Equals("EXISTS", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();

    public static async Task<int> ChildMainAsync(BenchArgs args, CancellationToken ct)
    {
        var path = args.String("db") ?? throw new ArgumentException("--db is required.");
        var runs = args.Int("runs", 15);
        var timer = new CommandTimer { Enabled = false };
        await using var services = BenchServices.Build(path, new FixedClock(To), messenger: null, settings: null, timer);

        using var process = Process.GetCurrentProcess();
        async Task<(double Ms, double CpuMs, TeamDigest Digest)> BuildOnce()
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            var digest = await scope.ServiceProvider.GetRequiredService<TeamDigestBuilder>().BuildAsync(1, To, ct);
            var ms = Stats.Ms(started, Stopwatch.GetTimestamp());
            process.Refresh();
            return (ms, (process.TotalProcessorTime - cpu).TotalMilliseconds, digest);
        }

        // The bot has built its EF model long before a digest is due (the migrator does at start): do the same, and time it.
        var modelStarted = Stopwatch.GetTimestamp();
        await using (var scope = services.CreateAsyncScope())
        {
            _ = await scope.ServiceProvider.GetRequiredService<OneOnOne.Core.Storage.IOneOnOneStore>().Teams.AnyAsync(ct);
        }

        var modelMs = Stats.Ms(modelStarted, Stopwatch.GetTimestamp());
        var (first, _, digest) = await BuildOnce();
        var (second, _, _) = await BuildOnce();
        var warm = new List<double>();
        var warmCpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (ms, cpuMs, _) = await BuildOnce();
            warm.Add(ms);
            warmCpu.Add(cpuMs);
        }

        // One more, with every command timed (kept apart so the interceptor's bookkeeping is not in the figures above).
        timer.Enabled = true;
        await BuildOnce();
        timer.Enabled = false;
        var queries = new List<QueryTiming>();
        await using (var connection = await BenchDatabase.OpenAsync(path, ct))
        {
            foreach (var entry in timer.ByText.Values.OrderByDescending(e => e.TotalMs))
            {
                await using var explain = connection.CreateCommand();
                explain.CommandText = "EXPLAIN QUERY PLAN " + entry.Text;
                foreach (var (name, value) in entry.Parameters)
                {
                    explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                var plan = new List<string>();
                await using var reader = await explain.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    plan.Add(reader.GetString(3));
                }

                queries.Add(new QueryTiming(entry.Text, entry.Count, entry.TotalMs, entry.Rows, plan));
            }
        }

        var chartStarted = Stopwatch.GetTimestamp();
        var png = DigestChart.RenderPng(digest);
        var chartFirst = Stats.Ms(chartStarted, Stopwatch.GetTimestamp());
        var chartWarm = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            chartStarted = Stopwatch.GetTimestamp();
            png = DigestChart.RenderPng(digest);
            chartWarm.Add(Stats.Ms(chartStarted, Stopwatch.GetTimestamp()));
        }

        var summary =
            $"{digest.Organizers.Count} organizers ({digest.Organizers.Count(o => o.Paused)} paused, {digest.Organizers.Count(o => o.Goal is not null)} with a goal), " +
            $"{digest.HeldThisWeek} held this week, {digest.AsksAnswered} asks answered " +
            $"({string.Join(", ", digest.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))}), " +
            $"{digest.MovedUp} moved up, pyramid {string.Join("/", digest.Pyramid.OrderByDescending(p => p.Key).Select(p => p.Value))} + {digest.NotPlaced} not placed, " +
            $"{digest.NewFromReferrals} new from referrals, commitments {digest.CommitmentsDueSoon} due soon / {digest.CommitmentsOverdue} overdue, " +
            $"{digest.DroppedNudges} dropped nudges";
        ChildProcess.Report(new Result(modelMs, first, second, warm, warmCpu, queries, chartFirst, chartWarm, png.Length, summary));
        return 0;
    }

    private static void Print(string label, Result r)
    {
        Console.WriteLine($"### BuildAsync, indexes {label}");
        Console.WriteLine();
        Console.WriteLine($"Digest: {r.Summary}.");
        Console.WriteLine();
        Console.WriteLine("| EF model + first query (fresh process) | first call (query compilation) | second call | warm median | warm min | warm p90 | warm max | warm CPU median | runs | target |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var median = Stats.Median(r.WarmMs);
        Console.WriteLine($"| {Stats.F(r.ModelMs, 0)} ms | {Stats.F(r.FirstMs, 0)} ms | {Stats.F(r.SecondMs, 0)} ms | **{Stats.F(median, 1)} ms** | {Stats.F(r.WarmMs.Min(), 1)} ms | " +
                          $"{Stats.F(Stats.Percentile(r.WarmMs, 0.9), 1)} ms | {Stats.F(r.WarmMs.Max(), 1)} ms | {Stats.F(Stats.Median(r.WarmCpuMs), 0)} ms | {r.WarmMs.Count} | " +
                          $"< 250 ms: {(median < 250 ? "met" : "MISSED")} |");
        Console.WriteLine();
        Console.WriteLine("Its SQL commands (one timed call), heaviest first, with SQLite's plan:");
        Console.WriteLine();
        Console.WriteLine("| ms | rows read | command | plan |");
        Console.WriteLine("|---:|---:|---|---|");
        foreach (var q in r.Queries)
        {
            var sql = string.Join(' ', q.Sql.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            Console.WriteLine($"| {Stats.F(q.Ms, 1)} | {Stats.N(q.Rows)} | `{sql}` | {string.Join("; ", q.Plan)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Chart (DigestChart.RenderPng, 1000x520): first {Stats.F(r.ChartFirstMs, 0)} ms (font registration, Skia start-up), " +
                          $"warm median **{Stats.F(Stats.Median(r.ChartWarmMs), 1)} ms** (min {Stats.F(r.ChartWarmMs.Min(), 1)}, max {Stats.F(r.ChartWarmMs.Max(), 1)}), PNG {Stats.N(r.ChartBytes)} bytes.");
        Console.WriteLine();
    }

    /// <summary>Team 1 as asked; team 2, a fifth of its size, shares the file so that every query has to filter by team.</summary>
    private static (double Ms, long Rows, string Counts) Seed(string path, int organizers, int meetings)
    {
        using var seed = Seeder.OpenAsync(path, CancellationToken.None).GetAwaiter().GetResult();
        var totals = new int[5];
        foreach (var (teamOrganizers, teamMeetings) in new[] { (organizers, meetings), (Math.Max(1, organizers / 5), meetings / 5) })
        {
            var team = seed.Team(To.AddDays(-500), "C-digest", To);
            var counts = SeedTeam(seed, team, teamOrganizers, teamMeetings);
            for (var i = 0; i < counts.Length; i++)
            {
                totals[i] += counts[i];
            }
        }

        var summary = $"2 teams, {Stats.N(totals[0])} organizers, {Stats.N(totals[1])} people, {Stats.N(totals[2])} meetings, " +
                      $"{Stats.N(totals[3])} level changes, {Stats.N(totals[4])} follow-ups";
        return (seed.Commit(), seed.Rows, summary);
    }

    /// <summary>
    /// 30 people per organizer (15% referred by someone already there, each placed and some moved up during
    /// the year); meetings spread from a year ago to four weeks ahead: past ones mostly held (answers yes 35%,
    /// maybe 20%, no 20%; a "yes" carries a commitment), some cancelled, missed or never marked; future ones
    /// scheduled or being prepared. 60% of organizers have a goal running, 3% are paused; 20 follow-ups each.
    /// </summary>
    private static int[] SeedTeam(Seeder seed, int team, int organizers, int meetings)
    {
        var year = TimeSpan.FromDays(365);
        var people = new List<int>();
        var organizerPeople = new List<(int Organizer, int[] People)>();
        var levelChanges = 0;
        var followUps = 0;
        for (var o = 0; o < organizers; o++)
        {
            var hasGoal = seed.NextDouble() < 0.6;
            var goalSetAt = To - TimeSpan.FromDays(seed.Next(40)) - seed.Jitter(TimeSpan.FromDays(1));
            var organizer = seed.Organizer(team, To.AddDays(-450), To.AddDays(-seed.Next(10)),
                hasGoal ? 4 + seed.Next(5) : null, hasGoal ? goalSetAt : null,
                seed.NextDouble() < 0.03 ? To.AddDays(5) : null);
            var mine = new int[30];
            for (var p = 0; p < mine.Length; p++)
            {
                var createdAt = To - year + seed.Jitter(year);
                int? referredBy = people.Count > 0 && seed.NextDouble() < 0.15 ? people[seed.Next(people.Count)] : null;
                var level = (EngagementLevel)(1 + seed.Next(2));
                var changes = new List<(EngagementLevel? From, EngagementLevel To, DateTimeOffset At)> { (null, level, createdAt) };
                var at = createdAt;
                for (var step = seed.Next(3); step > 0 && level < EngagementLevel.Core; step--)
                {
                    at += seed.Jitter(To - at);
                    var next = seed.NextDouble() < 0.85 ? level + 1 : level - 1;
                    if (next < EngagementLevel.Follower)
                    {
                        break;
                    }

                    changes.Add((level, next, at));
                    level = next;
                }

                var person = seed.Person(team, organizer, createdAt, seed.NextDouble() < 0.1 ? null : level, referredBy);
                foreach (var change in changes)
                {
                    seed.LevelChange(person, organizer, change.From, change.To, change.At);
                    levelChanges++;
                }

                mine[p] = person;
                people.Add(person);
            }

            organizerPeople.Add((organizer, mine));
            for (var f = 0; f < 20; f++)
            {
                var r = seed.NextDouble();
                var (status, dueAt) = r switch
                {
                    < 0.75 => (FollowUpStatus.Sent, To - seed.Jitter(TimeSpan.FromDays(60))),
                    < 0.85 => (FollowUpStatus.Done, To - seed.Jitter(TimeSpan.FromDays(60))),
                    < 0.90 => (FollowUpStatus.Dropped, To - seed.Jitter(TimeSpan.FromDays(60))),
                    < 0.95 => (FollowUpStatus.Dismissed, To - seed.Jitter(TimeSpan.FromDays(60))),
                    _ => (FollowUpStatus.Pending, To + seed.Jitter(TimeSpan.FromDays(30))),
                };
                seed.FollowUp(organizer, mine[f], null, FollowUpKind.MaintenanceCheckIn, dueAt, status, dueAt.AddDays(-7),
                    sentAt: status is FollowUpStatus.Sent or FollowUpStatus.Done ? dueAt : null);
                followUps++;
            }
        }

        var span = year + TimeSpan.FromDays(28);
        for (var m = 0; m < meetings; m++)
        {
            var (organizer, mine) = organizerPeople[m % organizers];
            var person = mine[seed.Next(mine.Length)];
            var start = To - year + seed.Jitter(span);
            var created = start - TimeSpan.FromDays(3);
            var r = seed.NextDouble();
            if (start >= To.AddHours(-1))
            {
                seed.Meeting(organizer, person, MeetingKind.Recruitment, r < 0.85 ? MeetingStatus.Scheduled : MeetingStatus.Planned,
                    r < 0.85 ? start : null, created);
                continue;
            }

            if (r >= 0.70)
            {
                var status = r switch { < 0.80 => MeetingStatus.Cancelled, < 0.88 => MeetingStatus.Missed, < 0.93 => MeetingStatus.Planned, _ => MeetingStatus.Scheduled };
                seed.Meeting(organizer, person, MeetingKind.Recruitment, status, status == MeetingStatus.Planned ? null : start, created);
                continue;
            }

            var held = start.AddMinutes(45);
            var a = seed.NextDouble();
            AskAnswer? answer = a switch { < 0.35 => AskAnswer.Yes, < 0.55 => AskAnswer.Maybe, < 0.75 => AskAnswer.No, _ => null };
            var kind = seed.NextDouble() < 0.7 ? MeetingKind.Recruitment : MeetingKind.Maintenance;
            if (answer == AskAnswer.Yes)
            {
                var due = held + TimeSpan.FromDays(3 + seed.Next(26));
                DateTimeOffset? done = due < To && seed.NextDouble() < 0.6 ? due.AddDays(-1) : null;
                seed.Meeting(organizer, person, kind, MeetingStatus.Held, start, created, held, answer, null,
                    "Bring two neighbours to the housing meeting", due, done);
            }
            else
            {
                seed.Meeting(organizer, person, kind, MeetingStatus.Held, start, created, held, answer,
                    answer == AskAnswer.No ? (seed.NextDouble() < 0.5 ? NoReason.Date : NoReason.Activity) : null);
            }
        }

        return [organizers, organizers * 30, meetings, levelChanges, followUps];
    }
}
