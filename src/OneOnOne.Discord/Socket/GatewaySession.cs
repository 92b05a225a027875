namespace OneOnOne.Discord.Socket;

/// <summary>
/// What a resume needs, kept across connections: the session id and resume URL from READY and the
/// last sequence number received. Cleared when Discord says the session can't be resumed.
/// </summary>
internal sealed class GatewaySession
{
    private int _sequence = -1;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    /// <summary>The last sequence number seen; null before the first dispatch.</summary>
    public int? Sequence => Volatile.Read(ref _sequence) is var s && s >= 0 ? s : null;

    public bool CanResume => SessionId is not null && ResumeUrl is not null && Sequence is not null;

    public void Start(string sessionId, string? resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = string.IsNullOrWhiteSpace(resumeUrl) ? null : resumeUrl;
    }

    public void Saw(int sequence)
    {
        // Discord may deliver a dispatch again, with its old number; resuming from that would replay
        // everything since. Never go backwards.
        int current;
        do
        {
            current = Volatile.Read(ref _sequence);
            if (sequence <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _sequence, sequence, current) != current);
    }

    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Volatile.Write(ref _sequence, -1);
    }
}
