using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneOnOne.Data;

namespace OneOnOne.Bot.Health;

/// <summary>
/// Ready when the database answers and has every migration this build knows: through EF only, so it means the same on
/// every provider. Says which migration is missing, never the connection string.
/// </summary>
internal sealed class DatabaseHealthCheck(OneOnOneDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database can't be reached.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Reachable and migrated.")
            : HealthCheckResult.Unhealthy($"Reachable, but {pending.Count} migration(s) not applied yet (first: {pending[0]}).");
    }
}
