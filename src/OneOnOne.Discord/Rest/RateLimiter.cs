using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Discord.Rest;

/// <summary>
/// Keeps REST calls inside Discord's limits instead of discovering them by 429s: at most
/// <see cref="GlobalPerSecond"/> bot-token calls a second, each route bucket's budget as the
/// <c>X-RateLimit-*</c> headers report it, and a pause for everyone after a global 429.
/// Buckets are keyed by Discord's bucket hash (learned per route) plus the route's major parameter,
/// so one busy channel never slows another.
/// </summary>
internal sealed partial class RateLimiter(TimeProvider time, ILogger<RateLimiter> logger)
{
    /// <summary>Discord allows 50 a second per bot; interaction and webhook calls don't count.</summary>
    public const int GlobalPerSecond = 50;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, string> _bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _windowStart;
    private int _windowCount;
    private DateTimeOffset _globalPauseUntil;

    /// <summary>
    /// Waits until a call on <paramref name="route"/> may go out and takes its place in the budgets.
    /// Pass the returned bucket to <see cref="Observe"/> when the answer (or the failure) comes.
    /// </summary>
    public async ValueTask<Bucket> WaitAsync(DiscordRoute route, CancellationToken ct)
    {
        var bucket = BucketFor(route);
        while (TimeToWait(route, bucket) is var wait && wait > TimeSpan.Zero)
        {
            LogWaiting(route.ToString(), wait.TotalMilliseconds);
            await Task.Delay(wait, time, ct);
        }

        return bucket;
    }

    /// <summary>Reads the bucket's state from a response's headers; null headers when no answer came.</summary>
    public void Observe(DiscordRoute route, Bucket bucket, HttpResponseHeaders? headers)
    {
        lock (bucket.Gate)
        {
            bucket.Probing = false;
        }

        if (headers is null)
        {
            return;
        }

        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            // Routes Discord says share a bucket share one budget from now on: this one, under the hash.
            _bucketHashByRoute[route.Template] = hash;
            _buckets.TryAdd(hash + "|" + route.MajorParameter, bucket);
        }

        if (!TryNumber(headers, "X-RateLimit-Remaining", out var remaining) || !TryNumber(headers, "X-RateLimit-Reset-After", out var resetAfter))
        {
            return;
        }

        lock (bucket.Gate)
        {
            // Answers to calls sent together arrive in any order, each reporting the budget as it was
            // then; within a window, the lowest count (ours included) is the true one.
            var now = time.GetUtcNow();
            bucket.Remaining = bucket.Known && now < bucket.ResetAt ? Math.Min(bucket.Remaining, (int)remaining) : (int)remaining;
            bucket.Known = true;
            bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
            if (TryNumber(headers, "X-RateLimit-Limit", out var limit))
            {
                bucket.Limit = (int)limit;
            }
        }
    }

    /// <summary>After a 429: stop the route's bucket, or every bot call for a global limit, for <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(Bucket bucket, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (_globalLock)
            {
                _globalPauseUntil = until > _globalPauseUntil ? until : _globalPauseUntil;
            }

            return;
        }

        lock (bucket.Gate)
        {
            bucket.Known = true;
            bucket.Remaining = 0;
            bucket.ResetAt = until > bucket.ResetAt ? until : bucket.ResetAt;
        }
    }

    private TimeSpan TimeToWait(DiscordRoute route, Bucket bucket)
    {
        var now = time.GetUtcNow();
        lock (_globalLock)
        {
            // A global 429 stops interaction calls too: Discord said stop, whatever the route.
            if (_globalPauseUntil > now)
            {
                return _globalPauseUntil - now;
            }
        }

        lock (bucket.Gate)
        {
            // Until Discord has told us a bucket's budget, one call at a time finds it out.
            if (!bucket.Known && bucket.Probing)
            {
                return ProbeWait;
            }

            if (bucket.Known && now >= bucket.ResetAt)
            {
                // A fresh window. Its real end comes with the next response; until then assume a second.
                bucket.Remaining = Math.Max(bucket.Limit, 1);
                bucket.ResetAt = now + Second;
            }

            if (bucket.Known && bucket.Remaining <= 0)
            {
                return bucket.ResetAt - now;
            }

            if (!route.CountsTowardGlobalLimit || TakeGlobalSlot(now) is not { } globalWait)
            {
                bucket.Remaining--;
                bucket.Probing = !bucket.Known;
                return TimeSpan.Zero;
            }

            return globalWait;
        }
    }

    /// <summary>Null when a slot in this second's window was taken; otherwise how long until the next window.</summary>
    private TimeSpan? TakeGlobalSlot(DateTimeOffset now)
    {
        lock (_globalLock)
        {
            if (now - _windowStart >= Second)
            {
                _windowStart = now;
                _windowCount = 0;
            }

            if (_windowCount < GlobalPerSecond)
            {
                _windowCount++;
                return null;
            }

            return _windowStart + Second - now;
        }
    }

    private Bucket BucketFor(DiscordRoute route)
    {
        var family = _bucketHashByRoute.TryGetValue(route.Template, out var hash) ? hash : route.Template;
        return _buckets.GetOrAdd(family + "|" + route.MajorParameter, static _ => new Bucket());
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool TryNumber(HttpResponseHeaders headers, string name, out double value)
    {
        value = 0;
        return Header(headers, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>One bucket's budget. Unknown until Discord first reports it: until then calls go one at a time.</summary>
    internal sealed class Bucket
    {
        public readonly Lock Gate = new();
        public bool Known;
        public bool Probing;
        public int Limit = 1;
        public int Remaining = 1;
        public DateTimeOffset ResetAt;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting {Milliseconds} ms for the rate limit of {Route}")]
    private partial void LogWaiting(string route, double milliseconds);
}
