using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Core;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Data;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// The one test with real Quartz and real (short) delays: the persistent store is created in the bot's
/// SQLite file, the job fires by itself, and a restart neither loses nor repeats a follow-up.
/// </summary>
public sealed class QuartzSchedulingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oneonone-quartz-{Guid.NewGuid():N}.db");
    private readonly RecordingMessenger _platform = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task Quartz_fires_the_dispatch_job_from_its_persistent_store_and_a_restart_sends_nothing_twice()
    {
        using (var host = BuildHost())
        {
            await host.StartAsync();
            await DueFollowUp.SeedAsync(host);
            await WaitUntil(() => _platform.Sent.Count == 1);
            await Task.Delay(TimeSpan.FromSeconds(1)); // several more passes
            await host.StopAsync();
        }

        using (var again = BuildHost())
        {
            await again.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await again.StopAsync();
        }

        Assert.Single(_platform.Sent);
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={_path}",
            ["Scheduling:Interval"] = "00:00:00.200",

            // Real time could be any hour here; quiet hours would make the test depend on the clock.
            ["FollowUps:QuietHoursStart"] = "00:00",
            ["FollowUps:QuietHoursEnd"] = "00:00",
        });
        builder.Services.AddOneOnOneData();
        builder.Services.AddOneOnOneEngine();
        builder.Services.AddOneOnOneScheduling(builder.Configuration);
        builder.Services.AddSingleton<IPlatformMessenger>(_platform);
        return builder.Build();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Quartz did not run the dispatch job in time.");
            await Task.Delay(50);
        }
    }
}
