using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OneOnOne.Discord.Rendering;

/// <summary>
/// Turns the engine's button payloads into Discord custom ids (1–100 characters, echoed back on a
/// press) and back. A payload made only of ids and command words (<c>a:12:goal:yes</c>,
/// <c>c:followup 7 snooze-day</c>) <em>is</em> its custom id: it survives restarts, which matters for
/// follow-up buttons pressed days later. Anything else, a payload with free text such as a place
/// name, or one that is too long, is kept here under a short random key (<c>k:…</c>) for a day; a
/// button whose key expired or was lost to a restart asks the person to type the command again.
/// </summary>
internal sealed partial class ComponentPayloadStore(TimeProvider time)
{
    public const int MaxCustomIdLength = 100;
    public const string StoredPrefix = "k:";

    /// <summary>Keys kept at most; the oldest go first beyond it.</summary>
    public const int Capacity = 20_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>Words the engine's command buttons use; payloads of these, numbers and #ids carry nothing anyone wrote.</summary>
    private static readonly HashSet<string> CommandWords = new(StringComparer.Ordinal)
    {
        "help", "list", "add", "remove", "goal", "plan", "schedule", "met", "reflect", "level", "note", "person", "people",
        "status", "continue", "cancel", "timezone", "export", "forget", "digest", "pause", "resume", "nudges", "followup",
        "done", "snooze-day", "snooze-week", "dismiss", "moved", "missed", "confirm", "on", "off", "for", "days", "day",
        "week", "weeks", "recruitment", "maintenance", "escalation", "follower", "contributor", "active", "core",
        "keep", "keep-moments", "restart",
    };

    private readonly ConcurrentDictionary<string, Entry> _stored = new(StringComparer.Ordinal);

    public string ToCustomId(string payload)
    {
        if (payload.Length <= MaxCustomIdLength && CarriesOnlyIds(payload))
        {
            return payload;
        }

        var key = StoredPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _stored[key] = new Entry(payload, time.GetUtcNow() + Lifetime);
        if (_stored.Count > Capacity)
        {
            Trim();
        }

        return key;
    }

    /// <summary>The payload behind a custom id; false for a stored key that expired or was lost in a restart.</summary>
    public bool TryResolve(string customId, out string payload)
    {
        payload = string.Empty;
        if (customId.StartsWith(StoredPrefix, StringComparison.Ordinal))
        {
            if (_stored.TryGetValue(customId, out var entry) && entry.Expires > time.GetUtcNow())
            {
                payload = entry.Payload;
                return true;
            }

            return false;
        }

        if (CarriesOnlyIds(customId))
        {
            payload = customId;
            return true;
        }

        return false;
    }

    private static bool CarriesOnlyIds(string payload)
    {
        if (AnswerPattern().IsMatch(payload))
        {
            return true;
        }

        return payload.StartsWith("c:", StringComparison.Ordinal)
               && payload[2..].Split(' ') is { Length: > 0 } words
               && words.All(w => CommandWords.Contains(w) || NumberPattern().IsMatch(w));
    }

    private void Trim()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _stored)
        {
            if (entry.Expires <= now)
            {
                _stored.TryRemove(key, out _);
            }
        }

        // Still full of live keys: drop the oldest tenth, so trimming doesn't run on every new button.
        var excess = _stored.Count - Capacity * 9 / 10;
        if (excess > 0)
        {
            foreach (var key in _stored.OrderBy(e => e.Value.Expires).Take(excess).Select(e => e.Key).ToList())
            {
                _stored.TryRemove(key, out _);
            }
        }
    }

    // The engine's answer buttons: a:<run id>:<question id>:<choice value>, all ids from flow definitions.
    [GeneratedRegex(@"^a:\d{1,10}:[a-z0-9-]{1,40}:[a-z0-9-]{1,40}$")]
    private static partial Regex AnswerPattern();

    [GeneratedRegex(@"^#?\d{1,10}$")]
    private static partial Regex NumberPattern();

    private sealed record Entry(string Payload, DateTimeOffset Expires);
}
