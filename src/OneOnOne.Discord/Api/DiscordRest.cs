using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Http;
using OneOnOne.Telemetry;

namespace OneOnOne.Discord.Api;

/// <summary>The REST client and the HTTP client under it: the kit's resilience policy with Discord's own buckets in between.</summary>
internal static class DiscordRest
{
    /// <summary>429s waited out per call before giving up; each wait is as long as Discord asked.</summary>
    private const int MaxRateLimitWaits = 10;

    public static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBase;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", DiscordRestClient.UserAgent);
            })
            .AddPlatformResilience(Resilience, provider => new DiscordRateLimitHandler(
                provider.GetRequiredService<RateLimiter>(), provider.GetRequiredService<BotMetrics>(), provider.GetRequiredService<ILogger<DiscordRateLimitHandler>>()));
        services.AddSingleton<RateLimiter>();
        services.AddBotTelemetry();
        services.AddSingleton<DiscordRestClient>();
        return services;
    }

    private static HttpResilienceOptions Resilience(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        return new HttpResilienceOptions
        {
            MaxRetries = options.MaxRetries,
            FirstRetryDelay = options.RetryBaseDelay,
            MaxRateLimitedRetries = MaxRateLimitWaits,
            LongestRetryAfter = RateLimiter.LongestWait,
            RetryAfter = async (response, ct) => (await RateLimitAnswer.ReadAsync(response, ct)).RetryAfter,
        };
    }
}
