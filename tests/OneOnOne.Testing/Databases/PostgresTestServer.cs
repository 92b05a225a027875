using Npgsql;

namespace OneOnOne.Testing.Databases;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>ONEONONE_TEST_POSTGRES</c>: a connection string for a user
/// who may create databases. CI always sets it (.ci/run starts a throwaway server); unset, PostgreSQL tests are skipped.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "ONEONONE_TEST_POSTGRES";

    public static string? ConnectionString { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString ? connectionString : null;

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run.</summary>
    public static string? SkipReason => ConnectionString is null
        ? $"PostgreSQL tests run when {Variable} holds a connection string for a user who may create databases; " +
          "`source .ci/postgres.sh && start_test_postgres` starts a throwaway server and sets it (README, \"PostgreSQL\")."
        : null;

    /// <summary>The server's connection string pointed at <paramref name="database"/>.</summary>
    public static string For(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Required) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>Runs a statement on the server's maintenance database (CREATE and DROP DATABASE can't run in a transaction).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Required);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Required =>
        ConnectionString ?? throw new InvalidOperationException(SkipReason);
}
