namespace OneOnOne.Slack.SocketMode;

/// <summary>
/// The envelope ids seen lately, with what each was acknowledged with. Slack resends an envelope whose
/// acknowledgement it missed (the socket dropped in between); the resend gets the same acknowledgement,
/// an answer included, and is not handled twice.
/// </summary>
public sealed class RecentDeliveries(int capacity = 10_000)
{
    private readonly Dictionary<string, object?> _acknowledgements = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time <paramref name="id"/> is seen; false for a repeat.</summary>
    public bool TryClaim(string id)
    {
        lock (_gate)
        {
            if (!_acknowledgements.TryAdd(id, null))
            {
                return false;
            }

            _order.Enqueue(id);
            while (_order.Count > capacity)
            {
                _acknowledgements.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>Records what <paramref name="id"/> is acknowledged with, for a resend to get the same.</summary>
    public void Remember(string id, object? acknowledgement)
    {
        lock (_gate)
        {
            if (_acknowledgements.ContainsKey(id))
            {
                _acknowledgements[id] = acknowledgement;
            }
        }
    }

    /// <summary>What <paramref name="id"/> was acknowledged with; null when nothing, or not yet.</summary>
    public object? AcknowledgementOf(string id)
    {
        lock (_gate)
        {
            return _acknowledgements.GetValueOrDefault(id);
        }
    }

    /// <summary>Forgets <paramref name="id"/>, so a resend is handled: for an envelope we could not take after all.</summary>
    public void Release(string id)
    {
        lock (_gate)
        {
            _acknowledgements.Remove(id);
        }
    }
}
