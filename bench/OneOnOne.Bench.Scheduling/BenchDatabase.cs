using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneOnOne.Data;

namespace OneOnOne.Bench.Scheduling;

/// <summary>A SQLite file under the bench's temp directory, migrated the way the bot migrates its own.</summary>
internal static class BenchDatabase
{
    public static string ConnectionString(string path) => $"Data Source={path}";

    /// <summary>
    /// Runs the app's own start-up migrator (<c>AddOneOnOneData</c>'s hosted service: EF migrations, then WAL)
    /// against a new file, and returns how long it took.
    /// </summary>
    public static async Task<double> CreateAsync(string path, CancellationToken ct)
    {
        Delete(path);
        var started = Stopwatch.GetTimestamp();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = ConnectionString(path),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOneOnOneData();
        using (var host = builder.Build())
        {
            await host.StartAsync(ct);
            await host.StopAsync(ct);
        }

        return Stats.Ms(started, Stopwatch.GetTimestamp());
    }

    public static async Task<SqliteConnection> OpenAsync(string path, CancellationToken ct)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync(ct);
        return connection;
    }

    public static async Task<long> ScalarAsync(string path, string sql, CancellationToken ct)
    {
        await using var connection = await OpenAsync(path, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long FileBytes(string path) =>
        new[] { string.Empty, "-wal" }.Select(s => path + s).Where(File.Exists).Sum(p => new FileInfo(p).Length);

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
