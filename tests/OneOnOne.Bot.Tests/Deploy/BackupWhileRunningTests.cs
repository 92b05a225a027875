using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OneOnOne.Bot.Tests.Deploy;

/// <summary><c>backup</c> as an operator runs it: a second process, while the bot is running and writing to its file.</summary>
public sealed class BackupWhileRunningTests : IDisposable
{
    private const int WrittenBeforeBackup = 40;
    private const int MostWritten = 2000;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly BotProcess _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_backup_taken_while_the_bot_writes_is_whole_and_has_every_row_written_before_it()
    {
        var copy = Path.Combine(_bot.WorkingDirectory, "backups", "copy.db");
        using var running = _bot.Start();
        var added = WatchFor(running, $"Added Person {WrittenBeforeBackup} to your list");
        _ = running.StandardError.ReadToEndAsync();
        for (var i = 1; i <= WrittenBeforeBackup; i++)
        {
            await running.StandardInput.WriteLineAsync($"list add Person {i}");
        }

        await running.StandardInput.FlushAsync();
        await added.WaitAsync(HangGuard);

        // The bot keeps adding people for as long as the backup runs.
        using var backupDone = new CancellationTokenSource();
        var writing = KeepAddingAsync(running, backupDone.Token);
        var backup = await _bot.RunCommandAsync("backup", "--to", copy);
        await backupDone.CancelAsync();
        var written = await writing;
        running.StandardInput.Close();
        await running.WaitForExitAsync().WaitAsync(HangGuard);

        Assert.True(backup.ExitCode == 0, backup.Errors);
        Assert.StartsWith($"Backed up {_bot.DatabasePath} to {copy}: ", backup.Output);
        using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check;"));
        var people = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM People;"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(people, WrittenBeforeBackup, written);
        Assert.Equal(WrittenBeforeBackup, Convert.ToInt64(
            Scalar(connection, $"SELECT count(*) FROM People WHERE Name IN ({string.Join(", ", Enumerable.Range(1, WrittenBeforeBackup).Select(i => $"'Person {i}'"))});"),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <returns>How many people the bot was asked to add in all.</returns>
    private static async Task<int> KeepAddingAsync(Process running, CancellationToken stop)
    {
        var next = WrittenBeforeBackup + 1;
        for (; next <= MostWritten && !stop.IsCancellationRequested; next++)
        {
            await running.StandardInput.WriteLineAsync($"list add Person {next}");
            await running.StandardInput.FlushAsync(CancellationToken.None);
        }

        return next - 1;
    }

    private static Task WatchFor(Process running, string line)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains(line, StringComparison.Ordinal) == true)
            {
                seen.TrySetResult();
            }
        };
        running.BeginOutputReadLine();
        return seen.Task;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
