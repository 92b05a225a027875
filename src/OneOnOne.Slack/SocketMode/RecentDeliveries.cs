namespace OneOnOne.Slack.SocketMode;

/// <summary>
/// The envelope ids seen lately, and what the newest were acknowledged with. Slack resends an envelope
/// whose acknowledgement it missed (the socket dropped in between); the resend gets the same
/// acknowledgement, an answer included, and is not handled twice. Only envelopes in flight when a
/// socket dies are resent, so the acknowledgements of the last few hundred are enough to keep.
/// </summary>
public sealed class RecentDeliveries(int capacity = 10_000, int acknowledgementCapacity = 256)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, object> _acknowledgements = new(StringComparer.Ordinal);
    private readonly Queue<string> _acknowledgementOrder = new();
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

    /// <summary>Records what <paramref name="id"/> is acknowledged with (null: nothing), for a resend to get the same.</summary>
    public void Remember(string id, object? acknowledgement)
    {
        lock (_gate)
        {
            if (acknowledgement is null)
            {
                _acknowledgements.Remove(id);
                return;
            }

            if (_acknowledgements.TryAdd(id, acknowledgement))
            {
                _acknowledgementOrder.Enqueue(id);
                while (_acknowledgementOrder.Count > acknowledgementCapacity)
                {
                    _acknowledgements.Remove(_acknowledgementOrder.Dequeue());
                }
            }
        }
    }

    /// <summary>What <paramref name="id"/> was acknowledged with; null when nothing, not yet, or too long ago.</summary>
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
            _seen.Remove(id);
            _acknowledgements.Remove(id);
        }
    }
}
