using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Settings;
using OneOnOne.Core.Time;
using OneOnOne.Data;
using OneOnOne.Telemetry;
using Quartz;

namespace OneOnOne.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The dispatchers that send due follow-ups and digests, without a clock to drive them.</summary>
    public static IServiceCollection AddOneOnOneDispatch(this IServiceCollection services)
    {
        services.AddScoped<FollowUpDispatcher>();
        services.AddScoped<DigestDispatcher>();
        services.AddScoped<DeliveryClaimPruner>();
        services.AddScoped<DueWork>();
        services.AddBotTelemetry();
        return services;
    }

    /// <summary>
    /// Quartz in the host, with its persistent store in the bot's own database (its tables created at
    /// start), driving the dispatch job; clustered on PostgreSQL, where several instances may share the database.
    /// </summary>
    public static IServiceCollection AddOneOnOneScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOneOnOneDispatch();
        services.AddOptions<SchedulingOptions>().BindSettings(SchedulingOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());
        var database = SettingsBinding.Read<DatabaseOptions>(configuration, DatabaseOptions.Section);
        var scheduling = SettingsBinding.Read<SchedulingOptions>(configuration, SchedulingOptions.Section);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "oneonone");

            // With no connection string the database settings stop start-up in a sentence of their own; a store
            // without one would add Quartz's complaint about the same setting.
            if (!string.IsNullOrWhiteSpace(database.ConnectionString))
            {
                quartz.UsePersistentStore(store => UseBotDatabase(store, database));
            }

            quartz.ScheduleJob<DispatchDueJob>(
                trigger => trigger
                    .WithIdentity("dispatch-due-every-interval", DispatchDueJob.Key.Group)
                    .StartNow()
                    .WithSchedule(SimpleScheduleBuilder.Create()
                        .WithInterval(scheduling.Interval)
                        .RepeatForever()
                        // After downtime, one pass catches up on everything; missed passes are not replayed.
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(DispatchDueJob.Key).StoreDurably().DisallowConcurrentExecution());
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static void UseBotDatabase(IPersistentStoreBuilder store, DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            store.UsePostgres(database.ConnectionString);

            // Every instance on this database joins one cluster: each firing runs on one instance only,
            // and the work of an instance that stops checking in is recovered by another.
            store.UseClustering();
        }
        else
        {
            store.UseSqlite(database.ConnectionString);
        }

        store.UseSystemTextJsonSerializer();

        // Quartz's own create script for the provider, run only for what is missing: idempotent, and
        // safe when several instances start at once.
        store.ProvisionSchema();
    }

    /// <summary>
    /// Replaces the real clock with one that <c>/clock</c> can move forward, kept in the data file across restarts.
    /// Only for the console: every other mode runs on real time. Call after the data layer is added, so the clock
    /// is restored after migrations have run.
    /// </summary>
    public static IServiceCollection AddSimulatedClock(this IServiceCollection services)
    {
        // Runs ahead of whatever clock was registered (the system's; a fake one in tests).
        var real = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider ?? TimeProvider.System;
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(_ => new SimulatedTimeProvider(real));
        services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<SimulatedTimeProvider>());
        services.AddSingleton<SimulatedClockKeeper>();
        services.AddHostedService(provider => provider.GetRequiredService<SimulatedClockKeeper>());
        services.AddSingleton<SimulatedClockControl>();
        services.AddSingleton<IClockControl>(provider => provider.GetRequiredService<SimulatedClockControl>());
        return services;
    }
}
