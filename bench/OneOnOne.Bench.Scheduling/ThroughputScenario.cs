using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Scheduling;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Benchmark 2: 10,000 follow-ups falling due in the same minute, sent by DueWork passes (a fresh scope each,
/// as the Quartz job runs them) through the counting messenger, until nothing is left; then checked: every
/// follow-up sent once, recorded Sent with the message id the platform returned, nothing else sent.
/// </summary>
internal static class ThroughputScenario
{
    /// <summary>Thursday 26 November 2026, 15:00 UTC: the minute everything falls due.</summary>
    private static readonly DateTimeOffset Minute = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    private static readonly FollowUpKind[] Kinds =
    [
        FollowUpKind.MaintenanceCheckIn, FollowUpKind.ThankYou, FollowUpKind.DidYouMeet,
        FollowUpKind.PocketGuide, FollowUpKind.ReflectionPrompt, FollowUpKind.RevisitMaybe,
    ];

    public static async Task RunAsync(BenchArgs args, string directory, CancellationToken ct)
    {
        var followUps = args.Int("followups", 10_000);
        var batch = args.Int("batch", new FollowUpOptions().DispatchBatchSize);
        var latency = TimeSpan.FromMilliseconds(args.Int("latency-ms", 0));
        var synchronous = args.String("synchronous");
        Console.WriteLine($"## 2. {Stats.N(followUps)} follow-ups falling due in the same minute");
        Console.WriteLine();
        Console.WriteLine($"DispatchBatchSize {batch}, quiet hours off, messenger latency {latency.TotalMilliseconds} ms" +
                          (synchronous is null ? string.Empty : $", PRAGMA synchronous={synchronous} (instead of the bot's NORMAL)") +
                          "; kinds rotate over check-in, thank-you, did-you-meet, pocket guide, reflection prompt, revisit-maybe.");
        Console.WriteLine();

        var perOrganizer = args.Int("per-organizer", 0);
        if (perOrganizer > 0)
        {
            await CaseAsync($"{perOrganizer} per organizer", directory, followUps, followUps / perOrganizer, batch, latency, synchronous, ct);
            return;
        }

        await CaseAsync("A: 1 per organizer", directory, followUps, followUps, batch, latency, synchronous, ct);
        await CaseAsync("B: 10 per organizer", directory, followUps, followUps / 10, batch, latency, synchronous, ct);
    }

    private static async Task CaseAsync(string label, string directory, int followUps, int organizers, int batch,
        TimeSpan latency, string? synchronous, CancellationToken ct)
    {
        var path = Path.Combine(directory, $"throughput-{organizers}.db");
        var migrateMs = await BenchDatabase.CreateAsync(path, ct);
        var (seedMs, rows, dueIds) = Seed(path, followUps, organizers);
        Console.WriteLine($"### {label} ({Stats.N(organizers)} organizers)");
        Console.WriteLine();
        Console.WriteLine($"Seeded {Stats.N(rows)} rows in {Stats.F(seedMs, 0)} ms (migrated in {Stats.F(migrateMs, 0)} ms); " +
                          $"{Stats.N(dueIds.Count)} due between {Minute:HH:mm:ss} and {Minute.AddSeconds(59):HH:mm:ss}, the clock standing at {Minute.AddMinutes(1):HH:mm:ss}.");

        var messenger = new CountingMessenger(latency);
        var clock = new FixedClock(Minute.AddMinutes(1));
        var settings = new Dictionary<string, string?> { ["FollowUps:DispatchBatchSize"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var timer = new CommandTimer();
        IInterceptor[] interceptors = synchronous is null ? [timer] : [timer, new SynchronousPragma(synchronous)];
        await using var services = BenchServices.Build(path, clock, messenger, settings, interceptors);

        using var process = Process.GetCurrentProcess();
        var passes = new List<(double Ms, double CpuMs, DispatchSummary Summary)>();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        double lastWorkMs = 0;
        var maxPasses = (followUps / Math.Max(1, batch) * 3) + 10;
        for (var i = 0; i < maxPasses; i++)
        {
            var passStart = Stopwatch.GetTimestamp();
            process.Refresh();
            var passCpu = process.TotalProcessorTime;
            DispatchSummary summary;
            await using (var scope = services.CreateAsyncScope())
            {
                summary = await scope.ServiceProvider.GetRequiredService<DueWork>().RunAsync(ct);
            }

            var passEnd = Stopwatch.GetTimestamp();
            process.Refresh();
            passes.Add((Stats.Ms(passStart, passEnd), (process.TotalProcessorTime - passCpu).TotalMilliseconds, summary));
            if (summary == DispatchSummary.None)
            {
                break;
            }

            lastWorkMs = Stats.Ms(started, passEnd);
        }

        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var working = passes.Where(p => p.Summary != DispatchSummary.None).ToList();
        var total = working.Aggregate(DispatchSummary.None, (sum, p) => sum.Add(p.Summary));
        var handled = total.Sent + total.Dropped + total.Cancelled + total.Failed + total.Deferred;

        Console.WriteLine();
        Console.WriteLine("| passes with work | total ms | handled/s | sent/s | 1st pass ms | median later pass ms (CPU ms) | per follow-up ms (median pass) | CPU ms, all passes | sent | dropped | cancelled | deferred | failed | messenger calls |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var later = working.Skip(1).Select(p => p.Ms).ToList();
        var medianLater = later.Count > 0 ? Stats.Median(later) : double.NaN;
        var medianLaterCpu = later.Count > 0 ? Stats.Median(working.Skip(1).Select(p => p.CpuMs).ToList()) : double.NaN;
        var perFollowUp = later.Count > 0 ? Stats.Median(working.Skip(1).Select(p => p.Ms / Math.Max(1, Handled(p.Summary))).ToList()) : double.NaN;
        Console.WriteLine(
            $"| {working.Count} | **{Stats.F(lastWorkMs, 0)}** | **{Stats.F(handled / (lastWorkMs / 1000), 0)}** | {Stats.F(total.Sent / (lastWorkMs / 1000), 0)} | " +
            $"{Stats.F(working.FirstOrDefault().Ms, 0)} | {Stats.F(medianLater, 0)} ({Stats.F(medianLaterCpu, 0)}) | {Stats.F(perFollowUp, 2)} | {Stats.F(cpuMs, 0)} | " +
            $"{Stats.N(total.Sent)} | {Stats.N(total.Dropped)} | {Stats.N(total.Cancelled)} | {Stats.N(total.Deferred)} | {Stats.N(total.Failed)} | {Stats.N(messenger.Sends)} |");
        Console.WriteLine();
        // Quartz fires the job every Scheduling:Interval and never runs it twice at once: a pass that outlasts the
        // interval delays the next fire, a shorter one leaves the rest of the interval idle.
        var interval = new SchedulingOptions().Interval;
        var drain = working.Take(working.Count - 1).Sum(p => Math.Max(p.Ms, interval.TotalMilliseconds)) + working.LastOrDefault().Ms;
        Console.WriteLine($"Passes back to back, as here, deliver the last of them after {Stats.F(lastWorkMs / 1000, 1)} s; fired by the Quartz job every " +
                          $"{interval.TotalSeconds} s (Scheduling:Interval) the same {working.Count} passes take about **{Stats.F(drain / 60000, 1)} min**. " +
                          $"Follow-ups handled per pass: {string.Join(", ", working.Select(p => p.Summary.Sent + p.Summary.Dropped).Distinct().Take(4))}.");
        var sqlMs = timer.ByText.Values.Sum(e => e.TotalMs);
        Console.WriteLine();
        Console.WriteLine($"Where the time went: {Stats.F(sqlMs, 0)} ms inside SQL commands ({Stats.F(100 * sqlMs / lastWorkMs, 0)}%), the rest in EF, composing and sending. Heaviest commands:");
        Console.WriteLine();
        Console.WriteLine("| command | count | total ms | mean ms | rows |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var entry in timer.ByText.Values.OrderByDescending(e => e.TotalMs).Take(6))
        {
            Console.WriteLine($"| `{entry.Short(110)}` | {Stats.N(entry.Count)} | {Stats.F(entry.TotalMs, 0)} | {Stats.F(entry.TotalMs / entry.Count, 2)} | {Stats.N(entry.Rows)} |");
        }

        await VerifyAsync(path, dueIds, messenger, total, organizers, ct);
        Console.WriteLine();
    }

    private static int Handled(DispatchSummary s) => s.Sent + s.Dropped + s.Cancelled + s.Failed + s.Deferred;

    private static async Task VerifyAsync(string path, HashSet<int> dueIds, CountingMessenger messenger, DispatchSummary total,
        int organizers, CancellationToken ct)
    {
        var statuses = new Dictionary<string, long>();
        var sentIds = new HashSet<int>();
        long sentWithTheirMessageId = 0;
        await using (var connection = await BenchDatabase.OpenAsync(path, ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id, Status, PlatformMessageId FROM FollowUps WHERE DueAt >= $from AND DueAt < $to";
            command.Parameters.AddWithValue("$from", Minute.UtcTicks);
            command.Parameters.AddWithValue("$to", Minute.AddMinutes(1).UtcTicks);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                var status = reader.GetString(1);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status == nameof(FollowUpStatus.Sent))
                {
                    sentIds.Add(id);
                    if (!reader.IsDBNull(2) && reader.GetString(2).StartsWith($"bench-{id}-", StringComparison.Ordinal))
                    {
                        sentWithTheirMessageId++;
                    }
                }
            }
        }

        var doubled = messenger.PerFollowUp.Count(p => p.Value > 1);
        var strangers = messenger.PerFollowUp.Keys.Count(id => !dueIds.Contains(id));
        var sentNotRecorded = messenger.PerFollowUp.Keys.Count(id => !sentIds.Contains(id));
        var recordedNotSent = sentIds.Count(id => !messenger.PerFollowUp.ContainsKey(id));
        var left = statuses.GetValueOrDefault(nameof(FollowUpStatus.Pending)) + statuses.GetValueOrDefault(nameof(FollowUpStatus.Sending));
        var accounted = statuses.Values.Sum() == dueIds.Count && left == 0;
        var pauses = messenger.PauseSuggestionsPerUser;
        var ok = doubled == 0 && strangers == 0 && sentNotRecorded == 0 && recordedNotSent == 0 && accounted
                 && sentWithTheirMessageId == sentIds.Count && total.Sent == sentIds.Count && messenger.Unrecognized == 0
                 && pauses.Values.All(c => c == 1);
        Console.WriteLine();
        Console.WriteLine($"Check {(ok ? "passed" : "FAILED")}: rows by status {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {Stats.N(s.Value)}"))}; " +
                          $"none left Pending/Sending: {left == 0}; messenger calls per follow-up: max {(messenger.PerFollowUp.IsEmpty ? 0 : messenger.PerFollowUp.Values.Max())}, " +
                          $"doubled {doubled}, sent but not recorded {sentNotRecorded}, recorded Sent but never sent {recordedNotSent}, " +
                          $"Sent rows carrying their own message id {Stats.N(sentWithTheirMessageId)}/{Stats.N(sentIds.Count)}; " +
                          $"pause suggestions {Stats.N(pauses.Count)} (to {Stats.N(pauses.Count)} of {Stats.N(organizers)} organizers, at most {(pauses.IsEmpty ? 0 : pauses.Values.Max())} each).");
    }

    /// <summary>
    /// Per organizer: <c>followUps / organizers</c> due nudges of rotating kinds (each with its own person and, where
    /// the kind needs one, a meeting in the state that keeps it relevant), two older nudges already sent and
    /// answered, and two pending next week; 1,000 organizers to a team.
    /// </summary>
    private static (double Ms, long Rows, HashSet<int> DueIds) Seed(string path, int followUps, int organizers)
    {
        var due = new HashSet<int>();
        var perOrganizer = followUps / organizers;
        using var seed = Seeder.OpenAsync(path, CancellationToken.None).GetAwaiter().GetResult();
        var team = 0;
        var n = 0;
        for (var o = 0; o < organizers; o++)
        {
            if (o % 1000 == 0)
            {
                team = seed.Team(Minute.AddDays(-400));
            }

            var organizer = seed.Organizer(team, Minute.AddDays(-300), lastSeenAt: Minute.AddDays(-2));
            var first = seed.Person(team, organizer, Minute.AddDays(-100), EngagementLevel.Contributor);
            seed.FollowUp(organizer, first, null, FollowUpKind.MaintenanceCheckIn, Minute.AddDays(-20), FollowUpStatus.Sent, Minute.AddDays(-30), sentAt: Minute.AddDays(-20));
            seed.FollowUp(organizer, first, null, FollowUpKind.MaintenanceCheckIn, Minute.AddDays(-10), FollowUpStatus.Sent, Minute.AddDays(-30), sentAt: Minute.AddDays(-10));
            seed.FollowUp(organizer, first, null, FollowUpKind.MaintenanceCheckIn, Minute.AddDays(6), FollowUpStatus.Pending, Minute.AddDays(-1));
            seed.FollowUp(organizer, first, null, FollowUpKind.MaintenanceCheckIn, Minute.AddDays(8), FollowUpStatus.Pending, Minute.AddDays(-1));
            for (var k = 0; k < perOrganizer; k++, n++)
            {
                var person = k == 0 ? first : seed.Person(team, organizer, Minute.AddDays(-100), EngagementLevel.Follower);
                var kind = Kinds[n % Kinds.Length];
                var dueAt = Minute.AddSeconds(n % 60);
                int? meeting = kind switch
                {
                    FollowUpKind.MaintenanceCheckIn => null,
                    FollowUpKind.DidYouMeet => seed.Meeting(organizer, person, MeetingKind.Recruitment, MeetingStatus.Scheduled, Minute.AddMinutes(-75), Minute.AddDays(-5)),
                    FollowUpKind.PocketGuide => seed.Meeting(organizer, person, MeetingKind.Recruitment, MeetingStatus.Scheduled, Minute.AddHours(1), Minute.AddDays(-5)),
                    FollowUpKind.RevisitMaybe => seed.Meeting(organizer, person, MeetingKind.Recruitment, MeetingStatus.Held, Minute.AddDays(-3), Minute.AddDays(-5),
                        heldAt: Minute.AddDays(-3).AddHours(1), answer: AskAnswer.Maybe),
                    _ => seed.Meeting(organizer, person, MeetingKind.Recruitment, MeetingStatus.Held, Minute.AddHours(-4), Minute.AddDays(-5),
                        heldAt: Minute.AddHours(-3), answer: AskAnswer.Yes, commitment: "Bring two neighbours to the housing meeting",
                        commitmentDueAt: Minute.AddDays(10)),
                };
                due.Add(seed.FollowUp(organizer, person, meeting, kind, dueAt, FollowUpStatus.Pending, Minute.AddDays(-1),
                    plannedForStart: kind is FollowUpKind.PocketGuide or FollowUpKind.DidYouMeet ? (kind == FollowUpKind.PocketGuide ? Minute.AddHours(1) : Minute.AddMinutes(-75)) : null));
            }
        }

        return (seed.Commit(), seed.Rows, due);
    }

    /// <summary>Overrides the bot's <c>PRAGMA synchronous=NORMAL</c> on every connection, e.g. to compare with FULL.</summary>
    private sealed class SynchronousPragma(string mode) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={mode};";
            command.ExecuteNonQuery();
        }
    }
}
