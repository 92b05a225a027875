using System.Diagnostics;
using System.Text.Json;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Runs one measurement in a fresh process (so start-up and memory figures are the process' own, not the
/// seeding's), and reads back the single <c>RESULT {json}</c> line it prints. Killed if it overruns.
/// </summary>
internal static class ChildProcess
{
    public const string ResultPrefix = "RESULT ";

    public static async Task<T> RunAsync<T>(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Run as `dotnet bench.dll ...` when started that way, as the apphost otherwise.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Child '{string.Join(' ', args)}' did not finish within {timeout}.");
        }

        var output = await stdout;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"Child '{string.Join(' ', args)}' failed (exit {process.ExitCode}).\n{output}\n{await stderr}");
        }

        return JsonSerializer.Deserialize<T>(line[ResultPrefix.Length..])!;
    }

    public static void Report<T>(T result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
}
