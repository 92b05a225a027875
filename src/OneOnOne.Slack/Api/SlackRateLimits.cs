using System.Collections.Concurrent;

namespace OneOnOne.Slack.Api;

/// <summary>
/// Remembers Slack's "wait this long" answers. Each key is a method plus, where there is one, a
/// channel: Slack paces chat.postMessage per channel, so one busy channel must not hold up the others.
/// </summary>
public sealed class SlackRateLimits(TimeProvider time)
{
    /// <summary>Where a request carries its key, for <see cref="SlackRateLimitHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> KeyOption = new("OneOnOne.Slack.RateKey");

    private readonly ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);

    public static string KeyFor(string method, string? channel) => channel is null ? method : $"{method}#{channel}";

    /// <summary>Waits until calls under <paramref name="key"/> are allowed again (at once when they are).</summary>
    public async ValueTask WaitAsync(string key, CancellationToken cancellationToken)
    {
        while (_notBefore.TryGetValue(key, out var until))
        {
            var wait = until - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                // Only remove the entry we read: a newer, later pause stays.
                _notBefore.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
                return;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Holds back calls under <paramref name="key"/> for <paramref name="wait"/> (never shortens an existing pause).</summary>
    public void Pause(string key, TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        _notBefore.AddOrUpdate(key, until, (_, existing) => existing > until ? existing : until);
    }
}
