using System.Net;
using Microsoft.Extensions.Logging;
using OneOnOne.Telemetry;

namespace OneOnOne.Discord.Api;

/// <summary>
/// Discord's part of every attempt, between the kit's retries and the attempt's own timeout: it waits for
/// the route's bucket and the global budget (<see cref="RateLimiter"/>), reports what the answer's
/// <c>X-RateLimit-*</c> headers say, and after a 429 stops the bucket (or every bot call) for as long as Discord asked.
/// </summary>
internal sealed partial class DiscordRateLimitHandler(RateLimiter limiter, BotMetrics metrics, ILogger<DiscordRateLimitHandler> logger) : DelegatingHandler
{
    /// <summary>Where a request carries its route: the limiter's buckets are keyed by its template, never by its path.</summary>
    public static readonly HttpRequestOptionsKey<DiscordRoute> RouteOption = new("OneOnOne.Discord.Route");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = request.Options.TryGetValue(RouteOption, out var named)
            ? named
            : throw new InvalidOperationException("Every Discord call names its route.");
        var bucket = await limiter.WaitAsync(route, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            // Whatever happened, this attempt no longer holds the bucket.
            limiter.Observe(route, bucket, null);
            throw;
        }

        limiter.Observe(route, bucket, response.Headers);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Buffered: the retry policy and the client read this answer again.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var (retryAfter, global) = await RateLimitAnswer.ReadAsync(response, cancellationToken);
            limiter.OnRateLimited(bucket, retryAfter, global);
            metrics.RateLimited(Conversation.DiscordConversation.Platform);
            LogRateLimited(route, retryAfter, global);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limited on {Route} for {RetryAfter} (global: {Global})")]
    private partial void LogRateLimited(DiscordRoute route, TimeSpan retryAfter, bool global);
}
