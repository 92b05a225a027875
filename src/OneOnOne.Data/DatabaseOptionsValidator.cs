using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OneOnOne.Data;

/// <summary>Refuses a provider that isn't built and a connection string SQLite can't read, before anything opens it.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Example = "e.g. Data Source=data/oneonone.db";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)} is \"{options.Provider}\": only Sqlite is built so far; leave it out or set Sqlite.");
        }

        string dataSource;
        try
        {
            dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        }
        catch (ArgumentException)
        {
            // The builder's message would echo the string, which may carry a password on other providers.
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)} is not a SQLite connection string: write it as Data Source=<file>, {Example}.");
        }

        return string.IsNullOrWhiteSpace(dataSource)
            ? ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)} names no file: write it as Data Source=<file>, {Example}.")
            : ValidateOptionsResult.Success;
    }
}
