namespace OneOnOne.Slack.SocketMode;

/// <summary>
/// The envelope ids seen lately. Slack resends an envelope whose acknowledgement it missed (the socket
/// dropped in between); the resend is acknowledged again but not handled twice.
/// </summary>
public sealed class RecentDeliveries(int capacity = 10_000)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time <paramref name="id"/> is seen; false for a repeat.</summary>
    public bool TryClaim(string id)
    {
        lock (_gate)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            while (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>Forgets <paramref name="id"/>, so a resend is handled: for an envelope we could not take after all.</summary>
    public void Release(string id)
    {
        lock (_gate)
        {
            _seen.Remove(id);
        }
    }
}
