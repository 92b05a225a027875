using Microsoft.Data.Sqlite;
using OneOnOne.Data;

namespace OneOnOne.Testing.Databases;

/// <summary>A SQLite file in the temporary folder, created by the first migration and deleted with its WAL files.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oneonone-test-{Guid.NewGuid():N}.db");

    public override DatabaseOptions Options => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path}" };

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
