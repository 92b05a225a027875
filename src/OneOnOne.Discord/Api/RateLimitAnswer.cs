using System.Text.Json;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Api;

/// <summary>What a Discord 429 asks: how long to wait (the body's <c>retry_after</c>, to the millisecond) and whether every bot call must.</summary>
internal static class RateLimitAnswer
{
    /// <summary>Only keeps an absurd <c>retry_after</c> from overflowing a TimeSpan; anything this long fails the call.</summary>
    private const double MaxRetryAfterSeconds = 86_400;

    /// <summary>Reads a 429 whose content is buffered (see <see cref="DiscordRateLimitHandler"/>), so it can be read again.</summary>
    public static async ValueTask<(TimeSpan RetryAfter, bool Global)> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var flags) && flags.Any(f => f.Equals("true", StringComparison.OrdinalIgnoreCase));
        double? seconds = null;
        try
        {
            // From the buffer, not a stream: a stream read once is closed for the next reader.
            var error = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(ct), DiscordRead.Error);
            seconds = error?.RetryAfter;
            global |= error?.Global == true;
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 is HTML; the Retry-After header still holds.
        }

        seconds ??= response.Headers.RetryAfter?.Delta?.TotalSeconds;
        // Not clamped to what the bot will wait: a longer ask fails the call instead (see RateLimiter.LongestWait).
        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, MaxRetryAfterSeconds)), global);
    }
}
