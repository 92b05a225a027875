using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OneOnOne.Data;

/// <summary>
/// Refuses a provider that isn't one, and a connection string its provider can't read, before anything opens it.
/// Messages never echo the connection string: a PostgreSQL one usually carries a password.
/// </summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Setting = $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}";
    private const string SqliteExample = "e.g. Data Source=data/oneonone.db";
    private const string PostgresExample = "e.g. Host=db.example.org;Database=oneonone;Username=oneonone;Password=…";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => ValidateSqlite(options.ConnectionString),
        DatabaseProvider.Postgres => ValidatePostgres(options.ConnectionString),

        // The binder accepts a number ("7") for an enum; only the names mean anything.
        _ => ValidateOptionsResult.Fail(
            $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)} is \"{options.Provider}\": set Sqlite (the default) or Postgres."),
    };

    private static ValidateOptionsResult ValidateSqlite(string connectionString)
    {
        string dataSource;
        try
        {
            dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{Setting} is not a SQLite connection string: write it as Data Source=<file>, {SqliteExample}.");
        }

        return string.IsNullOrWhiteSpace(dataSource)
            ? ValidateOptionsResult.Fail($"{Setting} names no file: write it as Data Source=<file>, {SqliteExample}.")
            : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidatePostgres(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is missing: Database:Provider is Postgres, so set it to your PostgreSQL server, {PostgresExample}.");
        }

        string? host;
        try
        {
            host = new NpgsqlConnectionStringBuilder(connectionString).Host;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is not a PostgreSQL connection string (Database:Provider is Postgres): write it as Host=…;Database=…, {PostgresExample}.");
        }

        return string.IsNullOrWhiteSpace(host)
            ? ValidateOptionsResult.Fail($"{Setting} names no server: add Host=<server>, {PostgresExample}.")
            : ValidateOptionsResult.Success;
    }
}
