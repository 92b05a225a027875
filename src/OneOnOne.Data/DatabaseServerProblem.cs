using Npgsql;
using OneOnOne.Core.Settings;

namespace OneOnOne.Data;

/// <summary>
/// Turns what PostgreSQL or Npgsql says at start-up into a sentence for whoever starts the bot: which server and
/// database, which setting names them, and what to do. Never repeats the connection string (it holds the password).
/// </summary>
internal static class DatabaseServerProblem
{
    private const string Setting = "Database:ConnectionString";

    // PostgreSQL's error codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
    private const string InvalidPassword = "28P01";
    private const string InvalidAuthorization = "28000";
    private const string InsufficientPrivilege = "42501";

    public static StartupFailure Explain(NpgsqlException exception, string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var what = exception switch
        {
            PostgresException { SqlState: InvalidPassword or InvalidAuthorization } postgres =>
                $"refused user {target.Username} (PostgreSQL said \"{postgres.MessageText}\"): check the user name and password in {Setting}.",

            // Start-up creates the tables, and the database itself when it is missing.
            PostgresException { SqlState: InsufficientPrivilege } postgres =>
                $"won't let user {target.Username} set it up (PostgreSQL said \"{postgres.MessageText}\"): connect as the database's owner, " +
                "or create the database for that user first.",
            PostgresException postgres => $"can't be used: PostgreSQL said \"{postgres.MessageText}\".",
            _ => $"can't be reached ({exception.Message}). Check that the server is running and that {Setting} names the right host and port.",
        };
        return new StartupFailure($"The PostgreSQL database {target.Database} on {target.Host}:{target.Port} ({Setting}) {what}", exception);
    }
}
