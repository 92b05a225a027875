using Microsoft.Data.Sqlite;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// One prepared <c>INSERT</c> reused for every row, inside the caller's transaction: the fast way to seed
/// SQLite. Values are converted the way the app's model stores them (instants as UTC ticks, enums by name).
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
    }

    public long Rows { get; private set; }

    public void Add(params object?[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"Expected {_parameters.Length} values, got {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = Convert(values[i]);
        }

        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();

    private static object Convert(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => instant.UtcTicks,
        Enum named => named.ToString(),
        bool flag => flag ? 1L : 0L,
        TimeOnly time => time.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
