using System.Globalization;

namespace OneOnOne.Bot.Commands;

/// <summary>What a backup wrote: the copy of <paramref name="Source"/> at <paramref name="Destination"/>, checked and counted.</summary>
public sealed record BackupSummary(string Source, string Destination, long Bytes, int Tables, long Rows)
{
    /// <summary>The one line an operator reads, e.g. "Backed up /var/lib/bot/data/oneonone.db to /backups/monday.db: 1,204 rows in 18 tables, 412 KB, integrity check passed."</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Backed up {Source} to {Destination}: {Rows:N0} {(Rows == 1 ? "row" : "rows")} in {Tables:N0} {(Tables == 1 ? "table" : "tables")}, " +
        $"{Size(Bytes)}, integrity check passed.");

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
