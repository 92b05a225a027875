using System.Net;
using OneOnOne.Adapters.Http;
using OneOnOne.Telemetry;

namespace OneOnOne.Slack.Api;

/// <summary>
/// Slack's part of every attempt: held while Slack has asked its method (and channel) to wait, and a 429's
/// wait noted so that the calls after it wait too, not only the one the retry policy sends again.
/// </summary>
internal sealed class SlackRateLimitHandler(SlackRateLimits limits, TimeProvider time, BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Options.TryGetValue(SlackRateLimits.KeyOption, out var named)
            ? named
            : throw new InvalidOperationException("Every Slack call names its rate-limit key.");
        await limits.WaitAsync(key, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.RateLimited(Conversation.SlackConversation.PlatformKey);
            limits.Pause(key, RetryAfterHeader.Read(response, time));
        }

        return response;
    }
}
