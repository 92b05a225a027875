using OneOnOne.Data;

namespace OneOnOne.Testing.Databases;

/// <summary>A database of its own for one test, on the provider it asks for, thrown away when the test ends.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The settings the bot would be started with to use this database.</summary>
    public abstract DatabaseOptions Options { get; }

    /// <summary>A new database with every migration applied (PostgreSQL), or a file the first migration creates (SQLite).</summary>
    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => PostgresTestDatabase.CreateMigrated(),
        _ => new SqliteTestDatabase(),
    };

    public abstract ValueTask DisposeAsync();
}
