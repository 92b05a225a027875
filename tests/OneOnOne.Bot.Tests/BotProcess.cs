using System.Diagnostics;

namespace OneOnOne.Bot.Tests;

/// <summary>Runs the built bot as a separate process, the way a newcomer runs it, with a piped script.</summary>
public sealed class BotProcess : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public BotProcess()
    {
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), $"oneonone-e2e-{Guid.NewGuid():N}");

    public string DatabasePath => Path.Combine(WorkingDirectory, "bot.db");

    /// <summary>More environment variables for the next start, over the defaults below; a null value unsets one.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>The bot to run: the one this test project built, or another build of it (a published folder).</summary>
    public string Entry { get; init; } = Path.Combine(AppContext.BaseDirectory, "OneOnOne.Bot.dll");

    /// <summary>Passes <c>--console</c>, as a newcomer trying the bot does; off to let the settings choose the mode.</summary>
    public bool ForceConsole { get; init; } = true;

    /// <summary>Starts the bot, types <paramref name="lines"/>, closes its input and returns what it printed.</summary>
    public Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] lines) => TypeAndWaitAsync(Start(), lines);

    /// <summary>Runs one of the bot's commands (e.g. <c>backup --to copy.db</c>) on the same settings and folder, and returns what it printed.</summary>
    public Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(params string[] arguments) => TypeAndWaitAsync(Start(arguments), []);

    private static async Task<(int ExitCode, string Output, string Errors)> TypeAndWaitAsync(Process started, string[] lines)
    {
        using var process = started;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        foreach (var line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bot did not exit within {Limit} after its input ended.\n{await output}\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Starts the bot, types <paramref name="lines"/> and kills the process (no graceful shutdown) as soon
    /// as it has printed <paramref name="marker"/> <paramref name="occurrences"/> times. Returns what it printed.
    /// </summary>
    public async Task<string> RunAndKillAsync(string marker, int occurrences, params string[] lines)
    {
        using var process = Start();
        var printed = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (printed)
            {
                printed.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        _ = process.StandardError.ReadToEndAsync();
        foreach (var line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        await process.StandardInput.FlushAsync();
        var deadline = DateTime.UtcNow + Limit;
        while (Count(Snapshot(printed), marker) < occurrences)
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The bot never printed “{marker}” {occurrences} times:\n{Snapshot(printed)}");
            }

            await Task.Delay(50);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return Snapshot(printed);
    }

    /// <summary>Starts the bot and leaves it running, its input open: for a chat mode, talked to over HTTP.</summary>
    public ServingBot Serve() => new(Start());

    private static string Snapshot(System.Text.StringBuilder printed)
    {
        lock (printed)
        {
            return printed.ToString();
        }
    }

    private static int Count(string text, string marker) =>
        (text.Length - text.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;

    /// <summary>Starts the bot (or, given <paramref name="arguments"/>, one of its commands); the caller types, reads and stops it.</summary>
    public Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Entry },
            Environment =
            {
                ["Database__ConnectionString"] = $"Data Source={DatabasePath}",
                ["Bot__DefaultTimeZone"] = "UTC",
                ["Console__User"] = "Ana",
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var argument in arguments.Length > 0 ? arguments : ForceConsole ? ["--console"] : [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Settings)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
