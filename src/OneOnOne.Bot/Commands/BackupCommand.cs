using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Settings;
using OneOnOne.Data;

namespace OneOnOne.Bot.Commands;

/// <summary>
/// <c>backup --to &lt;file&gt; [--force]</c>: a consistent copy of the bot's SQLite file, safe to take while the bot runs.
/// It finds the file through the same settings the bot reads (appsettings, environment variables, <c>--Section:Key=value</c>),
/// answers in one line, and exits 0 when the copy is written, 1 when it is not.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";

    private const string Lead = "Backup failed";

    public static bool IsRequested(IReadOnlyList<string> args) =>
        args.Count > 0 && string.Equals(args[0], Verb, StringComparison.OrdinalIgnoreCase);

    /// <param name="args">The whole command line, verb first.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        try
        {
            var request = BackupRequest.Parse([.. args.Skip(1)]);
            var summary = SqliteBackup.Copy(DatabaseFile(request.Settings), Path.GetFullPath(request.Destination), request.Force);
            output.WriteLine(summary);
            return 0;
        }
        catch (BackupFailure failure)
        {
            errors.WriteLine($"{Lead}: {failure.Message}");
        }
        catch (StartupFailure failure)
        {
            // A setting the host can't read while it is built (a *_FILE secret that isn't there), worded for the operator.
            errors.WriteLine($"{Lead}: {failure.Message}");
        }
        catch (OptionsValidationException invalid)
        {
            errors.WriteLine($"{Lead}: {string.Join(' ', invalid.Failures)}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SqliteException)
        {
            errors.WriteLine($"{Lead}: {exception.Message} ({exception.GetType().Name}).");
        }

        return 1;
    }

    /// <summary>The SQLite file the bot would open with these settings: the host is built, never started, so nothing else runs.</summary>
    private static string DatabaseFile(IReadOnlyList<string> settings)
    {
        using var host = BotHost.Build([.. settings]);
        var provider = host.Services.GetRequiredService<IConfiguration>()[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        if (provider?.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new BackupFailure(
                "the bot's database is PostgreSQL (Database:Provider), which backs itself up: use pg_dump, " +
                "e.g. pg_dump --format=custom --file=oneonone.dump --host=<host> --username=<user> <database> (see the README, Backing up).");
        }

        var database = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        return Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
    }
}
