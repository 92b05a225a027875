using System.Collections.Concurrent;

namespace OneOnOne.Discord.Conversation;

/// <summary>
/// Interaction and message ids seen in the last minutes, with the first answer given to each, so a
/// second delivery of the same event (a Gateway resume replays, a retried HTTP request) is answered
/// the same way and never handled twice. The engine also records every id in the database, which
/// covers restarts; this catches duplicates before anything is sent. Ids are snowflakes, unique across
/// interactions and messages alike. Under a flood the window shrinks to the most recent
/// <see cref="Capacity"/> ids rather than let memory grow: real duplicates arrive within seconds.
/// </summary>
internal sealed class RecentEvents(TimeProvider time)
{
    /// <summary>Interaction tokens live 15 minutes; nothing older can usefully arrive again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int Capacity = 100_000;

    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private int _claims;

    /// <summary>True the first time <paramref name="id"/> is claimed; otherwise false, with what was answered then.</summary>
    public bool TryClaim(string id, out object? firstAnswer)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _claims) % SweepEvery == 0)
        {
            Sweep(now);
        }

        var mine = new Seen(now);
        var seen = _seen.GetOrAdd(id, mine);
        firstAnswer = seen.Answer;
        if (ReferenceEquals(seen, mine))
        {
            return true;
        }

        if (now - seen.At > Window)
        {
            // Stale entry that the sweep hasn't reached: claim afresh.
            _seen[id] = mine;
            return true;
        }

        return false;
    }

    /// <summary>Keeps the first answer given, for a duplicate to get the same.</summary>
    public void Remember(string id, object answer)
    {
        if (_seen.TryGetValue(id, out var seen))
        {
            seen.Answer = answer;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        var window = Window;
        do
        {
            foreach (var (id, seen) in _seen)
            {
                if (now - seen.At > window)
                {
                    _seen.TryRemove(id, out _);
                }
            }

            window /= 2;
        }
        while (_seen.Count > Capacity && window > TimeSpan.FromSeconds(1));
    }

    private sealed class Seen(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;

        public object? Answer { get; set; }
    }
}
