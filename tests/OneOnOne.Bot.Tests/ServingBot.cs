using System.Diagnostics;

namespace OneOnOne.Bot.Tests;

/// <summary>
/// A bot process left running in a chat mode, for tests that talk to it over HTTP. Keeps what it prints, line by
/// line; disposing it kills the process.
/// </summary>
public sealed class ServingBot : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ServingBot(Process process)
    {
        _process = process;
        _process.EnableRaisingEvents = true;
        _process.OutputDataReceived += (_, e) => Add(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Add(_errors, e.Data);
        _process.Exited += (_, _) => Add(_errors, null);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Standard output so far, one entry per line.</summary>
    public IReadOnlyList<string> Output => Snapshot(_output);

    public IReadOnlyList<string> Errors => Snapshot(_errors);

    /// <summary>Waits until a line of standard output contains <paramref name="marker"/>; fails if the bot exits first.</summary>
    public async Task WaitForOutputAsync(string marker)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_output.Any(line => line.Contains(marker, StringComparison.Ordinal)))
                {
                    return;
                }

                changed = _changed.Task;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The bot exited ({_process.ExitCode}) before printing “{marker}”:\n{string.Join('\n', Output)}\n{string.Join('\n', Errors)}");
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The bot never printed “{marker}”:\n{string.Join('\n', Output)}\n{string.Join('\n', Errors)}");
            }
        }
    }

    private void Add(List<string> lines, string? line)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line is not null)
            {
                lines.Add(line);
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private List<string> Snapshot(List<string> lines)
    {
        lock (_gate)
        {
            return [.. lines];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
