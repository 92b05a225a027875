using System.Collections.Concurrent;

namespace OneOnOne.Discord.Forms;

/// <summary>
/// The answers of a form being filled in page by page, until the last page sends them all to the
/// engine at once. Memory is enough: an hour's worth of half-filled forms; after a restart the person
/// opens the form again (the questions one at a time in the DM are never affected).
/// </summary>
internal sealed class FormSessions(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const int Capacity = 5_000;

    private readonly ConcurrentDictionary<(string User, int Run), Session> _sessions = new();

    /// <summary>Starts (or returns) the session for a form, remembering the person's name for the labels.</summary>
    public Session Open(string userId, int runId, string? personName)
    {
        Sweep();
        var session = _sessions.AddOrUpdate((userId, runId),
            _ => new Session(personName),
            (_, existing) => existing.Expires > time.GetUtcNow() ? existing : new Session(personName));
        session.Expires = time.GetUtcNow() + Lifetime;
        return session;
    }

    public Session? Find(string userId, int runId) =>
        _sessions.TryGetValue((userId, runId), out var session) && session.Expires > time.GetUtcNow() ? session : null;

    public void Close(string userId, int runId) => _sessions.TryRemove((userId, runId), out _);

    private void Sweep()
    {
        if (_sessions.Count < Capacity)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (key, session) in _sessions)
        {
            if (session.Expires <= now)
            {
                _sessions.TryRemove(key, out _);
            }
        }
    }

    internal sealed class Session(string? personName)
    {
        private readonly ConcurrentDictionary<string, string?> _answers = new(StringComparer.Ordinal);

        public string? PersonName { get; } = personName;

        public DateTimeOffset Expires { get; set; }

        public IReadOnlyDictionary<string, string?> Answers => _answers;

        public void Save(IReadOnlyDictionary<string, string?> answers)
        {
            foreach (var (id, value) in answers)
            {
                _answers[id] = value;
            }
        }
    }
}
