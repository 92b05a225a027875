using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OneOnOne.Core;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Data;
using OneOnOne.Testing.Databases;
using Quartz;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// Quartz's clustered store on PostgreSQL, as two instances of the bot run it on one database: each creates what it
/// needs at start, both join one cluster, and a due follow-up is sent once, by one of them.
/// </summary>
public sealed class QuartzOnPostgresTests : IAsyncLifetime
{
    /// <summary>Only a failure guard: each wait ends on a signal, long before this.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly PostgresTestDatabase? _database = PostgresTestServer.SkipReason is null ? PostgresTestDatabase.CreateEmpty() : null;
    private readonly RecordingMessenger _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Two_clustered_instances_on_one_database_send_a_due_follow_up_once()
    {
        using var first = BuildHost();
        using var second = BuildHost();
        await first.StartAsync();
        await second.StartAsync();
        var passes = new DispatchPasses();
        await AddListenerAsync(first, passes);
        await AddListenerAsync(second, passes);

        await DueFollowUp.SeedAsync(first);
        await passes.AfterSendingAsync(_platform, morePasses: 5).WaitAsync(Patience);
        await first.StopAsync();
        await second.StopAsync();

        Assert.Single(_platform.Sent);
        Assert.Equal(2L, await CountAsync("SELECT COUNT(DISTINCT instance_name) FROM qrtz_scheduler_state"));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM qrtz_job_details"));
        Assert.Equal(1L, await CountAsync("""SELECT COUNT(*) FROM "FollowUps" WHERE "Status" = 'Sent'"""));
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database!.ConnectionString,
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

    private static async Task AddListenerAsync(IHost host, DispatchPasses passes)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(passes);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Counts the dispatch job's passes across the cluster, so the test can wait for passes instead of time.</summary>
    private sealed class DispatchPasses : IJobListener
    {
        private readonly Lock _gate = new();
        private readonly List<(Func<bool> Ready, TaskCompletionSource Done)> _waits = [];
        private int _passes;

        public string Name => nameof(DispatchPasses);

        /// <summary>Completes once something was sent and <paramref name="morePasses"/> passes ran after that, on any instance.</summary>
        public Task AfterSendingAsync(RecordingMessenger platform, int morePasses)
        {
            int? sentBy = null;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waits.Add((() =>
                {
                    sentBy ??= platform.Sent.Count > 0 ? _passes : null;
                    return _passes >= sentBy + morePasses;
                }, done));
            }

            return done.Task;
        }

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                _passes++;
                foreach (var wait in _waits.Where(w => w.Ready()))
                {
                    wait.Done.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
