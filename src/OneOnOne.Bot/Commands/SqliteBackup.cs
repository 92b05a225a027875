using Microsoft.Data.Sqlite;

namespace OneOnOne.Bot.Commands;

/// <summary>
/// Copies a SQLite database that may be in use, with SQLite's online backup API. The copy is one consistent snapshot,
/// read as a WAL reader, so the bot goes on writing meanwhile. It is written under a temporary name, checked with
/// <c>integrity_check</c>, and only then takes the destination's name: a failed or interrupted backup never leaves a
/// half-written file that looks like a backup.
/// </summary>
internal static class SqliteBackup
{
    // A WAL reader waits only while the bot's own connection recovers the WAL after a crash or restarts it: rare and short.
    private const int BusyTimeoutMilliseconds = 10_000;

    // SQLite's primary result codes (the low byte of an extended code): https://www.sqlite.org/rescode.html
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    /// <param name="source">The database file, a full path.</param>
    /// <param name="destination">Where the copy goes, a full path; its folder is created.</param>
    /// <param name="overwrite">Whether an existing file at <paramref name="destination"/> may be replaced.</param>
    public static BackupSummary Copy(string source, string destination, bool overwrite)
    {
        CheckPaths(source, destination, overwrite);
        var folder = Path.GetDirectoryName(destination)!;
        var partial = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        CreateFolder(folder);
        try
        {
            Snapshot(source, partial);
            var (tables, rows) = Verify(partial);
            Publish(partial, destination, overwrite);
            return new BackupSummary(source, destination, new FileInfo(destination).Length, tables, rows);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-journal");
        }
    }

    private static void CheckPaths(string source, string destination, bool overwrite)
    {
        if (string.Equals(source, destination, StringComparison.Ordinal))
        {
            throw new BackupFailure($"{destination} is the database itself: choose another file for the copy.");
        }

        if (Directory.Exists(destination))
        {
            throw new BackupFailure($"{destination} is a folder: name a file inside it, e.g. --to {Path.Combine(destination, "oneonone-backup.db")}.");
        }

        if (File.Exists(destination) && !overwrite)
        {
            throw new BackupFailure($"{destination} already exists: choose another name, or add --force to replace it.");
        }

        if (!File.Exists(source))
        {
            throw new BackupFailure(
                $"there is no database file at {source} (Database:ConnectionString): run the backup from the folder the bot starts in, " +
                "or set Database:ConnectionString as the bot has it.");
        }
    }

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailure($"the folder {folder} can't be created ({exception.Message}): choose a folder this user may write to.", exception);
        }
    }

    private static void Snapshot(string source, string partial)
    {
        using var from = OpenSource(source);
        using var to = Open(partial, SqliteOpenMode.ReadWriteCreate);
        try
        {
            from.BackupDatabase(to);

            // One file rather than three: the copy keeps a rollback journal instead of the bot's WAL, so it can be moved and
            // opened anywhere as it is. The bot switches a restored file back to WAL when it starts.
            Execute(to, "PRAGMA journal_mode=DELETE;");
        }
        catch (SqliteException exception) when ((exception.SqliteErrorCode & 0xFF) is Busy or Locked)
        {
            throw SourceProblem(exception, source);
        }
        catch (SqliteException exception)
        {
            throw new BackupFailure(
                $"the copy could not be written next to {partial} (SQLite said \"{exception.Message}\"): check that this user may write there and the disk has room.",
                exception);
        }
    }

    private static (int Tables, long Rows) Verify(string partial)
    {
        using var copy = Open(partial, SqliteOpenMode.ReadOnly);
        var problems = Strings(copy, "PRAGMA integrity_check;");
        if (problems is not ["ok"])
        {
            throw new BackupFailure(
                $"the copy failed SQLite's integrity check ({problems.FirstOrDefault()}), so the database itself is probably damaged and nothing was written. " +
                "Stop the bot and run PRAGMA integrity_check on the database with the sqlite3 tool.");
        }

        var tables = Strings(copy, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name;");
        var rows = tables.Sum(table => Count(copy, table));
        return (tables.Count, rows);
    }

    private static void Publish(string partial, string destination, bool overwrite)
    {
        try
        {
            File.Move(partial, destination, overwrite);
        }
        catch (IOException exception) when (!overwrite && File.Exists(destination))
        {
            throw new BackupFailure($"{destination} appeared while the copy was being made: choose another name, or add --force to replace it.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailure($"the copy can't be saved as {destination} ({exception.Message}): choose a place this user may write to.", exception);
        }
    }

    private static BackupFailure SourceProblem(SqliteException exception, string source) => (exception.SqliteErrorCode & 0xFF) switch
    {
        Busy or Locked => new BackupFailure($"the database {source} stayed locked for {BusyTimeoutMilliseconds / 1000} seconds: try again in a moment.", exception),
        NotADatabase or Corrupt => new BackupFailure($"{source} is not a SQLite database, or it is damaged: check Database:ConnectionString.", exception),
        _ => new BackupFailure(
            $"the database {source} can't be read (SQLite said \"{exception.Message}\"): check that this user may read and write its folder.", exception),
    };

    private static SqliteConnection OpenSource(string source)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = Open(source, SqliteOpenMode.ReadWrite);
            Execute(connection, $"PRAGMA busy_timeout={BusyTimeoutMilliseconds};");

            // Reading the schema is the first real read: a file that isn't a database fails here, not half-way through the copy.
            Execute(connection, "SELECT count(*) FROM sqlite_master;");
            return connection;
        }
        catch (SqliteException exception)
        {
            connection?.Dispose();
            throw SourceProblem(exception, source);
        }
    }

    // Pooling off: each connection is really closed when disposed, so the temporary file can be renamed and deleted.
    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteScalar();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
        return (long)command.ExecuteScalar()!;
    }
}
