using OneOnOne.Core.Inbox;

namespace OneOnOne.Adapters.Inbox;

/// <summary>
/// An adapter's side of the inbox: turns one stored item of its platform back into its request and runs
/// it. Each adapter registers one. It may throw: the inbox retries a few times, then gives up on the item.
/// </summary>
public interface IInboxHandler
{
    /// <summary>The <see cref="NewInboxItem.Platform"/> this handler takes.</summary>
    string Platform { get; }

    Task HandleAsync(InboxWork work, CancellationToken ct);
}

/// <summary>
/// One stored item to handle. <see cref="Live"/> is the in-memory companion the acknowledgement left
/// with it (a slot for an inline answer, say) when this process accepted it and it is still waiting;
/// after a restart there is none, and the answer goes out the usual way.
/// </summary>
public sealed record InboxWork(ClaimedInboxItem Item, object? Live)
{
    public string Kind => Item.Kind;

    public string Payload => Item.Payload;
}
