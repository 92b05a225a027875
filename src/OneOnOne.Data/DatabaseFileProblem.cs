using Microsoft.Data.Sqlite;
using OneOnOne.Core.Settings;

namespace OneOnOne.Data;

/// <summary>
/// Turns what SQLite says about the database file ("10: disk I/O error") into a sentence for whoever starts the bot:
/// which file, which setting points at it, and what to do.
/// </summary>
internal static class DatabaseFileProblem
{
    private const string Setting = "Database:ConnectionString";

    // SQLite's primary result codes (the low byte of an extended code): https://www.sqlite.org/rescode.html
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>A failure for a path that is a folder, found before SQLite gives its vaguer "disk I/O error".</summary>
    public static StartupFailure? Check(string path) =>
        Directory.Exists(path)
            ? new StartupFailure($"The database path {path} is a folder, not a file: set {Setting} to a file inside it, " +
                                 $"e.g. Data Source={Path.Combine(path, "oneonone.db")}.")
            : null;

    public static StartupFailure Explain(SqliteException exception, string path)
    {
        var what = (exception.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => "is locked by another program (is another copy of the bot running on it?). Stop that program, " +
                              $"or set {Setting} to a different file.",
            NotADatabase or Corrupt => "is not a SQLite database, or it is damaged. Restore it from a backup, " +
                                       $"or set {Setting} to a new file and the bot will create it.",
            ReadOnly or CantOpen => $"can't be opened for writing. Check that the folder exists and this user may write there, or set {Setting} " +
                                    "to a file in a folder you own.",
            Full => "can't grow: the disk is full. Free some space, or set " + Setting + " to a file on another disk.",
            IoError => $"can't be read or written (a disk error). Check the disk and the file's permissions, or set {Setting} to another file.",
            _ => $"can't be used: SQLite said \"{exception.Message}\". Check the file, or set {Setting} to another file.",
        };
        return new StartupFailure($"The database file {path} ({Setting}) {what}", exception);
    }
}
