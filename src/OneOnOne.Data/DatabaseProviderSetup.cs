using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Data;

/// <summary>Points EF at the configured database the way the bot runs it; the host and the test harnesses share it.</summary>
public static class DatabaseProviderSetup
{
    /// <summary>
    /// PostgreSQL's migrations live in an assembly of their own, EF's layout for one model on two providers: each
    /// provider's migrations are generated for its own SQL and its own snapshot. The host references it.
    /// </summary>
    public const string PostgresMigrationsAssembly = "OneOnOne.Data.PostgresMigrations";

    private static readonly SqliteConnectionTuning Tuning = new();

    public static DbContextOptionsBuilder UseOneOnOneDatabase(this DbContextOptionsBuilder options, DatabaseOptions database) =>
        database.Provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(
                database.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(database.ConnectionString)
                .AddInterceptors(Tuning)
                // SQLite rebuilds a table to change its foreign keys, and EF warns that the PRAGMA foreign_keys
                // around the rebuild runs outside the migration's transaction. That pragma is a setting of the
                // connection, never stored in the file, so a crash there leaves nothing half-applied: not worth
                // alarming someone starting the bot for the first time.
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))),
        };
}
