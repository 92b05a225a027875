using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneOnOne.Adapters.Http;
using OneOnOne.Telemetry;

namespace OneOnOne.Slack.Api;

/// <summary>The Web API client and the HTTP client under it: the kit's resilience policy with Slack's own rate-limit keys.</summary>
internal static class SlackWebApi
{
    /// <summary>Attempts at a call that keeps failing (5xx, a connection that never opened) before it is reported.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>Rate-limited answers are expected under load, so they get more tries than failures do.</summary>
    private const int MaxRateLimitedAttempts = 12;

    private static readonly HttpResilienceOptions Resilience = new()
    {
        MaxRetries = MaxFailedAttempts - 1,
        FirstRetryDelay = TimeSpan.FromMilliseconds(250),
        MaxRateLimitedRetries = MaxRateLimitedAttempts - 1,
    };

    public static IServiceCollection AddSlackWebApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackRateLimits>();
        services.AddBotTelemetry();
        services.AddHttpClient(SlackApiClient.HttpClientName)
            .AddPlatformResilience(_ => Resilience, provider => new SlackRateLimitHandler(
                provider.GetRequiredService<SlackRateLimits>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<BotMetrics>()));
        services.AddSingleton<SlackApiClient>();
        return services;
    }
}
