using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneOnOne.Telemetry;

namespace OneOnOne.Bot.Health;

/// <summary>Ready when the connection the bot keeps to its platform is open, or when it keeps none (the platform calls it over HTTP).</summary>
internal sealed class PlatformConnectionHealthCheck(PlatformConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(connection.State switch
        {
            PlatformConnectionState.Open => HealthCheckResult.Healthy("Connected."),
            PlatformConnectionState.Connecting => HealthCheckResult.Unhealthy("Connecting to the platform."),
            _ => HealthCheckResult.Healthy("The platform reaches the bot over HTTP."),
        });
}
