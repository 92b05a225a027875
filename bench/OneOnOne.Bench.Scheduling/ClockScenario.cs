using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Scheduling;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Benchmark 4: the console's <c>/clock +1y</c> (issue 10). A console-sized team (a few organizers, each with a list,
/// 1:1s booked through the weeks ahead and a 4-week goal; a weekly digest) set up through the engine, then the
/// simulated clock moved a year in one go, as the console does: every pass of due work counted, every message
/// delivered, the whole move timed.
/// </summary>
internal static class ClockScenario
{
    /// <summary>Thursday 26 November 2026, 10:00 in New York, as in the tests.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(BenchArgs args, string directory, CancellationToken ct)
    {
        var organizers = args.Int("organizers", 5);
        var years = args.Int("years", 1);
        Console.WriteLine($"## 4. /clock +{years}y for a team of {organizers} organizers");
        Console.WriteLine();

        var path = Path.Combine(directory, "clock.db");
        await BenchDatabase.CreateAsync(path, ct);
        var messenger = new CountingMessenger();
        await using var services = BenchServices.Build(path, new FixedClock(Start), messenger, settings: null,
            configure: s => s.AddSimulatedClock());

        var seedStarted = Stopwatch.GetTimestamp();
        var commands = 0;
        for (var o = 0; o < organizers; o++)
        {
            var who = new Address(Seeder.Platform, "T1", $"organizer-{o}");
            var script = new List<string> { "goal 4" };
            for (var p = 0; p < 6; p++)
            {
                script.Add($"list add Person {o}-{p}");
                script.Add($"schedule Person {o}-{p} 2026-12-{1 + (p * 4):00} 18:00");
            }

            if (o == 0)
            {
                script.Add("digest channel #organizing");
            }

            foreach (var line in script)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IConversationEngine>()
                    .HandleAsync(new Inbound(who, $"Organizer {o}", new CommandInput(line)), ct);
                commands++;
            }
        }

        var seedMs = Stats.Ms(seedStarted, Stopwatch.GetTimestamp());
        var clock = services.GetRequiredService<SimulatedClockControl>();
        var moveStarted = Stopwatch.GetTimestamp();
        var move = await clock.MoveAsync(TimeSpan.FromDays(365 * years), ct);
        var moveMs = Stats.Ms(moveStarted, Stopwatch.GetTimestamp());

        Console.WriteLine($"Set up with {Stats.N(commands)} commands in {Stats.F(seedMs, 0)} ms.");
        Console.WriteLine();
        Console.WriteLine("| move | passes of due work | messages delivered | wall time |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| /clock +{years}y | {Stats.N(move.Passes)} | {Stats.N(messenger.Sends)} | {Stats.F(moveMs / 1000, 2)} s |");
        Console.WriteLine();
    }
}
