using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneOnOne.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="BotMetrics"/> and <see cref="PlatformConnection"/>, once however many areas ask: each area that
    /// records calls this, so it works in a host of its own (tests) as in the whole bot. Exporting is the host's.
    /// </summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<PlatformConnection>();
        return services;
    }
}
