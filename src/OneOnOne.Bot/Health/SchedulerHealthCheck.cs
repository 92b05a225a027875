using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace OneOnOne.Bot.Health;

/// <summary>Ready when the scheduler that sends follow-ups and digests has started and is neither paused nor shut down.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy("Running."),
            SchedulerStatus.Created => HealthCheckResult.Unhealthy("Not started yet."),
            var status => HealthCheckResult.Unhealthy($"{status}."),
        };
    }
}
