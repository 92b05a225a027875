using Microsoft.Data.Sqlite;
using OneOnOne.Bot.Commands;

namespace OneOnOne.Bot.Tests.Deploy;

/// <summary><c>backup</c> in process on small SQLite files: what it writes, what it refuses, and that it answers in one line.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oneonone-backup-").FullName;

    private string Database => Path.Combine(_folder, "bot.db");

    private string Backups => Path.Combine(_folder, "backups");

    private string Copy => Path.Combine(Backups, "copy.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_copy_is_one_checked_file_with_every_row_and_the_summary_says_so()
    {
        CreateDatabase("Maria", "Sam", "Ana");

        var (exitCode, output, errors) = Backup("--to", Copy);

        Assert.Equal(0, exitCode);
        Assert.Empty(errors);
        Assert.StartsWith($"Backed up {Database} to {Copy}: 3 rows in 1 table, ", OneLine(output));
        Assert.EndsWith("integrity check passed.", OneLine(output));
        Assert.Equal(["Ana", "Maria", "Sam"], Names(Copy));

        // A single file that opens anywhere: no WAL of its own, nothing left beside it.
        Assert.Equal("delete", Scalar(Copy, "PRAGMA journal_mode;"));
        Assert.Equal(["copy.db"], Directory.GetFiles(Backups).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_file_is_kept_unless_force_is_given()
    {
        CreateDatabase("Maria");
        Directory.CreateDirectory(Backups);
        File.WriteAllText(Copy, "last week's backup");

        var refused = Backup("--to", Copy);

        Assert.Equal(1, refused.ExitCode);
        Assert.Empty(refused.Output);
        Assert.Equal($"Backup failed: {Copy} already exists: choose another name, or add --force to replace it.", OneLine(refused.Errors));
        Assert.Equal("last week's backup", File.ReadAllText(Copy));

        var forced = Backup("--to", Copy, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(["Maria"], Names(Copy));
    }

    [Fact]
    public void A_missing_database_is_named_and_nothing_is_written()
    {
        var (exitCode, _, errors) = Backup("--to", Copy);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"Backup failed: there is no database file at {Database} (Database:ConnectionString)", OneLine(errors));
        Assert.False(Directory.Exists(Backups));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_no_partial_copy_stays_behind()
    {
        File.WriteAllText(Database, "not a database, just some text that is long enough to have a header");

        var (exitCode, _, errors) = Backup("--to", Copy);

        Assert.Equal(1, exitCode);
        Assert.Equal($"Backup failed: {Database} is not a SQLite database, or it is damaged: check Database:ConnectionString.", OneLine(errors));
        Assert.Empty(Directory.GetFileSystemEntries(Backups));
    }

    [Fact]
    public void On_PostgreSQL_it_points_to_pg_dump()
    {
        var (exitCode, _, errors) = Backup("--to", Copy, "--Database:Provider=Postgres");

        Assert.Equal(1, exitCode);
        Assert.Contains("use pg_dump", OneLine(errors));
        Assert.False(Directory.Exists(Backups));
    }

    [Theory]
    [InlineData("Backup failed: say where the copy goes. Use it as: backup --to <file> [--force]")]
    [InlineData("Backup failed: say where the copy goes. Use it as: backup --to <file> [--force]", "--to")]
    [InlineData("Backup failed: \"--froce\" is not something backup understands. Use it as: backup --to <file> [--force]", "--to", "copy.db", "--froce")]
    public void A_command_line_it_cannot_read_is_answered_with_how_to_use_it(string expected, params string[] arguments)
    {
        var (exitCode, _, errors) = Backup(arguments);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, OneLine(errors));
    }

    [Fact]
    public void The_database_itself_and_a_folder_are_refused_as_destinations()
    {
        CreateDatabase("Maria");
        Directory.CreateDirectory(Backups);

        Assert.Equal($"Backup failed: {Database} is the database itself: choose another file for the copy.", OneLine(Backup("--to", Database).Errors));
        Assert.StartsWith($"Backup failed: {Backups} is a folder: name a file inside it", OneLine(Backup($"--to={Backups}").Errors));
        Assert.Equal(["Maria"], Names(Database));
    }

    private (int ExitCode, string Output, string Errors) Backup(params string[] arguments)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = BackupCommand.Run(["backup", .. arguments, $"--Database:ConnectionString=Data Source={Database}"], output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    /// <summary>The text, checked to be exactly one line: an operator never gets a stack trace.</summary>
    private static string OneLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        return lines[0].TrimEnd('\r');
    }

    // In WAL mode, as the bot keeps its file.
    private void CreateDatabase(params string[] names)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE People (Name TEXT NOT NULL);" +
                              string.Concat(names.Select(name => $"INSERT INTO People VALUES ('{name}');"));
        command.ExecuteNonQuery();
    }

    private static List<string> Names(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name FROM People ORDER BY Name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
