namespace OneOnOne.Data;

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string DefaultSqliteConnectionString = "Data Source=data/oneonone.db";

    private string? _connectionString;

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite falls back to a file under ./data so that a first start needs no settings; PostgreSQL has no such
    /// fallback (empty here), since no server can be guessed: start-up refuses to run without one.
    /// </summary>
    public string ConnectionString
    {
        get => _connectionString ?? (Provider == DatabaseProvider.Sqlite ? DefaultSqliteConnectionString : string.Empty);
        set => _connectionString = value;
    }
}
