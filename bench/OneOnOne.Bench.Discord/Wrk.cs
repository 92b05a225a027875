using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OneOnOne.Bench.Discord;

internal sealed record WrkResult(long Requests, double Seconds, long Answered, long Deferred, long Busy, long Other, long Errors, long Wrapped, double P50, double P99)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>Runs wrk (the Debian package) with <c>interactions.lua</c> and reads the lines the script prints.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(BenchOptions options, string baseUrl, string workDirectory, bool quiet)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "interactions.lua");
        var start = new ProcessStartInfo("wrk",
        [
            "-t", options.Threads.ToString(CultureInfo.InvariantCulture),
            "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", ((int)options.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
            "--latency", "-s", script, baseUrl + "/discord/interactions", "--", workDirectory,
        ])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!quiet)
        {
            Console.WriteLine(output);
        }

        var result = ResultLine().Match(output);
        if (!result.Success)
        {
            throw new InvalidOperationException("wrk printed no result:\n" + output);
        }

        long Get(string name) => long.Parse(result.Groups[name].Value, CultureInfo.InvariantCulture);
        double Percentile(string p) => double.Parse(Regex.Match(output, $@"LATENCY p{Regex.Escape(p)}=([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(Get("requests"), double.Parse(result.Groups["seconds"].Value, CultureInfo.InvariantCulture),
            Get("answered"), Get("deferred"), Get("busy"), Get("other"), Get("errors"), Get("wrapped"), Percentile("50"), Percentile("99"));
    }

    [GeneratedRegex(@"RESULT requests=(?<requests>\d+) seconds=(?<seconds>[\d.]+) answered=(?<answered>\d+) deferred=(?<deferred>\d+) busy=(?<busy>\d+) other=(?<other>\d+) wrapped=(?<wrapped>\d+) errors=(?<errors>\d+)")]
    private static partial Regex ResultLine();
}
