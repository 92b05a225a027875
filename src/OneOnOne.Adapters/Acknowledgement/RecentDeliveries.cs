using System.Collections.Concurrent;

namespace OneOnOne.Adapters.Acknowledgement;

/// <summary>
/// Delivery ids seen lately, with the first answer given to each, so a second delivery of the same thing
/// (a socket's resend after a lost acknowledgement, a Gateway resume's replay, a retried request) gets
/// the same answer at once and is never handled twice. The durable inbox refuses duplicates too, across
/// restarts; this also covers what never goes through it (a form page, a quick answer) and remembers what
/// was answered. Under a flood the window shrinks to the most recent <c>capacity</c> ids rather than let
/// memory grow: real duplicates arrive within seconds.
/// </summary>
/// <typeparam name="TAnswer">How the platform's acknowledgement is written down.</typeparam>
/// <param name="answersFor">
/// How long an answer is worth repeating, when shorter than the window: a Discord interaction can be answered only
/// within 3 seconds, so an answer kept for 15 minutes would only hold memory (a whole help embed per interaction).
/// The id itself stays claimed for the whole window.
/// </param>
public sealed class RecentDeliveries<TAnswer>(
    TimeProvider time, TimeSpan window, int capacity = RecentDeliveries.DefaultCapacity, TimeSpan? answersFor = null)
    where TAnswer : class
{
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private readonly TimeSpan _answersFor = answersFor is { } shorter && shorter < window ? shorter : window;

    /// <summary>Answers in the order they were kept, to let go of each once it is no longer worth repeating.</summary>
    private readonly ConcurrentQueue<Seen> _answered = new();
    private int _claims;

    /// <summary>True the first time <paramref name="id"/> is claimed in the window; otherwise false, with the first answer if there is one yet.</summary>
    public bool TryClaim(string id, out TAnswer? firstAnswer)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _claims) % SweepEvery == 0 || _seen.Count > capacity)
        {
            Sweep(now);
        }

        ForgetOldAnswers(now);
        var mine = new Seen(now);
        var seen = _seen.GetOrAdd(id, mine);
        firstAnswer = now - seen.At <= _answersFor ? seen.Answer : null;
        if (ReferenceEquals(seen, mine))
        {
            return true;
        }

        if (now - seen.At > window)
        {
            // A stale entry the sweep hasn't reached yet: claim afresh.
            _seen[id] = mine;
            firstAnswer = null;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Keeps the answer given, for a duplicate to get the same; null forgets it (it could not be sent after all,
    /// and goes out another way) while the id stays claimed.
    /// </summary>
    public void Remember(string id, TAnswer? answer)
    {
        if (_seen.TryGetValue(id, out var seen))
        {
            seen.Answer = answer;
            if (answer is not null && _answersFor < window)
            {
                _answered.Enqueue(seen);
            }
        }
    }

    /// <summary>Forgets <paramref name="id"/>, so its next delivery is handled: for one that could not be taken after all.</summary>
    public void Release(string id) => _seen.TryRemove(id, out _);

    private void ForgetOldAnswers(DateTimeOffset now)
    {
        while (_answered.TryPeek(out var oldest) && now - oldest.At > _answersFor && _answered.TryDequeue(out oldest))
        {
            oldest.Answer = null;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        var kept = window;
        do
        {
            foreach (var (id, seen) in _seen)
            {
                if (now - seen.At > kept)
                {
                    _seen.TryRemove(id, out _);
                }
            }

            kept /= 2;
        }
        while (_seen.Count > capacity && kept > TimeSpan.FromSeconds(1));
    }

    private sealed class Seen(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;

        public TAnswer? Answer { get; set; }
    }
}

/// <summary>Defaults for <see cref="RecentDeliveries{TAnswer}"/>.</summary>
public static class RecentDeliveries
{
    public const int DefaultCapacity = 100_000;
}
