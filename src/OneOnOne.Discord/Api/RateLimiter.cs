using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Discord.Api;

/// <summary>
/// Keeps REST calls inside Discord's limits instead of discovering them by 429s: at most
/// <see cref="GlobalPerSecond"/> bot-token calls a second, each route bucket's budget as the
/// <c>X-RateLimit-*</c> headers report it, and a pause for every bot-token call after a global 429.
/// Buckets are keyed by Discord's bucket hash (learned per route) plus the route's major parameter,
/// so one busy channel never slows another.
/// </summary>
internal sealed partial class RateLimiter(TimeProvider time, ILogger<RateLimiter> logger)
{
    /// <summary>Discord allows 50 a second per bot; interaction and webhook calls don't count.</summary>
    public const int GlobalPerSecond = 50;

    /// <summary>
    /// The longest the bot waits for Discord's permission. Beyond it the call fails instead: a lane
    /// held for an hour helps nobody, and sending early only earns more 429s.
    /// </summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Every interaction brings buckets of its own (keyed by its id or token) that are done with in
    /// minutes; a bucket unused and past its reset this long is forgotten, checked as often.
    /// </summary>
    private static readonly TimeSpan IdleBucket = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, string> _bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();

    // When the last GlobalPerSecond bot calls went out, oldest at _oldest: a sliding second, so calls
    // can't bunch up on both sides of a window's edge.
    private readonly DateTimeOffset[] _recentSends = new DateTimeOffset[GlobalPerSecond];
    private int _oldest;
    private DateTimeOffset _globalPauseUntil;
    private DateTimeOffset _nextSweep;

    /// <summary>Buckets kept right now; lets tests see that finished interactions don't pile up.</summary>
    internal int BucketCount => _buckets.Count;

    /// <summary>
    /// Waits until a call on <paramref name="route"/> may go out and takes its place in the budgets.
    /// Pass the returned bucket to <see cref="Observe"/> when the answer (or the failure) comes.
    /// </summary>
    public async ValueTask<Bucket> WaitAsync(DiscordRoute route, CancellationToken ct)
    {
        var bucket = BucketFor(route);
        while (TimeToWait(route, bucket) is var wait && wait > TimeSpan.Zero)
        {
            if (wait > LongestWait)
            {
                throw TooLong(route, wait);
            }

            LogWaiting(route, wait);
            await Task.Delay(wait, time, ct);
        }

        return bucket;
    }

    /// <summary>Reads the bucket's state from a response's headers; null headers when no answer came.</summary>
    public void Observe(DiscordRoute route, Bucket bucket, HttpResponseHeaders? headers)
    {
        if (headers is not null && Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            // Routes Discord says share a bucket share one budget from now on: this one, under the hash.
            _bucketHashByRoute[route.Template] = hash;
            _buckets.TryAdd(hash + "|" + route.MajorParameter, bucket);
        }

        double remaining = 0, resetAfter = 0;
        var reported = headers is not null
                       && TryNumber(headers, "X-RateLimit-Remaining", out remaining)
                       && TryNumber(headers, "X-RateLimit-Reset-After", out resetAfter);

        // The probe ends in the same lock that records what it found: ended any earlier, a waiting call
        // would see an unknown bucket with no probe out and go as a second probe, one call over budget.
        lock (bucket.Gate)
        {
            bucket.Probing = false;
            if (!reported)
            {
                return;
            }

            // Answers to calls sent together arrive in any order, each reporting the budget as it was
            // then; within a window, the lowest count (ours included) is the true one.
            var now = time.GetUtcNow();
            bucket.Remaining = bucket.Known && now < bucket.ResetAt ? Math.Min(bucket.Remaining, (int)remaining) : (int)remaining;
            bucket.Known = true;
            bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
            if (TryNumber(headers!, "X-RateLimit-Limit", out var limit))
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
        if (route.CountsTowardGlobalLimit)
        {
            lock (_globalLock)
            {
                // Interaction callbacks and their follow-ups are exempt from the global limit, so a
                // global 429 must not hold up the answers people are waiting for.
                if (_globalPauseUntil > now)
                {
                    return _globalPauseUntil - now;
                }
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

    /// <summary>The failure for a call Discord wants held longer than <see cref="LongestWait"/>.</summary>
    public static DiscordApiException TooLong(DiscordRoute route, TimeSpan wait) => new(
        $"Discord asked the bot to hold off {route} for {wait.TotalMinutes:0} minutes; the call was given up rather than sent early.",
        System.Net.HttpStatusCode.TooManyRequests, null, transient: true);

    /// <summary>Null when a slot among the last second's calls was taken; otherwise how long until the oldest leaves it.</summary>
    private TimeSpan? TakeGlobalSlot(DateTimeOffset now)
    {
        lock (_globalLock)
        {
            var freeAt = _recentSends[_oldest] + Second;
            if (freeAt > now)
            {
                return freeAt - now;
            }

            _recentSends[_oldest] = now;
            _oldest = (_oldest + 1) % GlobalPerSecond;
            return null;
        }
    }

    private Bucket BucketFor(DiscordRoute route)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        var family = _bucketHashByRoute.TryGetValue(route.Template, out var hash) ? hash : route.Template;
        var bucket = _buckets.GetOrAdd(family + "|" + route.MajorParameter, static _ => new Bucket());
        lock (bucket.Gate)
        {
            bucket.LastUsed = now;
        }

        return bucket;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        lock (_globalLock)
        {
            if (now < _nextSweep)
            {
                return;
            }

            _nextSweep = now + IdleBucket;
        }

        // A bucket taken just before it is dropped here still works for that call; it was idle for a
        // minute past its reset, so the fresh one that replaces it starts from the same full budget.
        var idleSince = now - IdleBucket;
        foreach (var entry in _buckets)
        {
            var bucket = entry.Value;
            lock (bucket.Gate)
            {
                if (bucket.Probing || bucket.LastUsed >= idleSince || bucket.ResetAt >= idleSince)
                {
                    continue;
                }
            }

            _buckets.TryRemove(entry);
        }
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
        public DateTimeOffset LastUsed;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting {Wait} for the rate limit of {Route}")]
    private partial void LogWaiting(DiscordRoute route, TimeSpan wait);
}
