using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Times every SQL command EF sends, from execution to the reader's disposal (so reading the rows counts),
/// grouped by command text, and keeps one set of parameter values per text for <c>EXPLAIN QUERY PLAN</c>.
/// </summary>
internal sealed class CommandTimer : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<DbCommand, long> _started = new();

    public bool Enabled { get; set; } = true;

    public ConcurrentDictionary<string, Entry> ByText { get; } = new();

    public void Clear() => ByText.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Stop(command, Math.Max(0, eventData.ReadCount - 1)); // the last Read() returns false
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(command, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Stop(command, result);
        return ValueTask.FromResult(result);
    }

    private void Start(DbCommand command)
    {
        if (Enabled)
        {
            _started[command] = Stopwatch.GetTimestamp();
        }
    }

    private void Stop(DbCommand command, int rows)
    {
        if (!_started.TryRemove(command, out var started))
        {
            return;
        }

        var ms = Stats.Ms(started, Stopwatch.GetTimestamp());
        var entry = ByText.GetOrAdd(command.CommandText, text => new Entry(text,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
        entry.Add(ms, rows);
    }

    public sealed class Entry(string text, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        private readonly Lock _gate = new();

        public string Text { get; } = text;

        public IReadOnlyList<(string Name, object? Value)> Parameters { get; } = parameters;

        public int Count { get; private set; }

        public double TotalMs { get; private set; }

        public long Rows { get; private set; }

        public void Add(double ms, int rows)
        {
            lock (_gate)
            {
                Count++;
                TotalMs += ms;
                Rows += rows;
            }
        }

        /// <summary>The command on one line, shortened: enough to recognise it in a table.</summary>
        public string Short(int max = 160)
        {
            var line = string.Join(' ', Text.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            return line.Length <= max ? line : line[..max] + "…";
        }
    }
}
