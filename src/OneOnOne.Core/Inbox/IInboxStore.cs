namespace OneOnOne.Core.Inbox;

/// <summary>
/// Where acknowledged inbounds are kept until they are handled, so a crash between a platform's
/// acknowledgement and the engine's answer loses nothing. Rows are ordered by arrival (their id) and
/// grouped in lanes, one per organizer; a lane's items are taken strictly in order through a lease, so
/// several instances can later share the table and still never handle one organizer's items side by side.
/// </summary>
public interface IInboxStore
{
    /// <summary>
    /// Stores <paramref name="item"/>. Storing it is also its de-duplication claim: an item whose
    /// <see cref="NewInboxItem.DeliveryKey"/> is already stored (handled or not) is a duplicate and is not stored again.
    /// </summary>
    Task<InboxAddition> TryAddAsync(NewInboxItem item, CancellationToken ct);

    /// <summary>Everything stored but not finished on the given platforms, oldest first: what a start-up must still handle.</summary>
    Task<IReadOnlyList<UnfinishedInboxItem>> ListUnfinishedAsync(IReadOnlyCollection<string> platforms, CancellationToken ct);

    /// <summary>
    /// Unfinished items on the given platforms that no instance is working on: their lease ran out, or none was
    /// ever taken though they were stored more than <paramref name="unclaimedFor"/> ago. What a dead instance left
    /// behind, for a living one to take over through <see cref="ClaimAsync"/> (which keeps each lane's order).
    /// </summary>
    Task<IReadOnlyList<UnfinishedInboxItem>> ListAbandonedAsync(IReadOnlyCollection<string> platforms, TimeSpan unclaimedFor, CancellationToken ct);

    /// <summary>
    /// Leases the oldest unfinished item of <paramref name="lane"/> to <paramref name="owner"/> for
    /// <paramref name="lease"/>, counting the attempt. While any unfinished item of the lane is leased to someone
    /// else whose lease has not run out, nothing is claimed and the whole lane waits, so one organizer's items are
    /// never handled side by side and their order holds. An owner takes back its own lease at once, as a restarted
    /// instance must.
    /// </summary>
    Task<InboxClaim> ClaimAsync(string lane, string owner, TimeSpan lease, CancellationToken ct);

    /// <summary>
    /// Extends <paramref name="owner"/>'s lease on an item it is still handling, so a long handling is not taken
    /// over as if its instance had died. False when the item is no longer leased to <paramref name="owner"/>.
    /// </summary>
    Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken ct);

    /// <summary>
    /// Marks the item finished (handled, or given up on) and clears its payload: response URLs and tokens
    /// must not linger. The row stays as a de-duplication tombstone until <see cref="SweepAsync"/>.
    /// </summary>
    Task CompleteAsync(long id, InboxOutcome outcome, CancellationToken ct);

    /// <summary>
    /// Deletes the tombstones of items finished more than <paramref name="keepFor"/> ago; returns how many. Platforms
    /// redeliver within minutes, so a duplicate arriving later than that is not expected.
    /// </summary>
    Task<int> SweepAsync(TimeSpan keepFor, CancellationToken ct);
}

/// <summary>An inbound an adapter acknowledges once it is stored.</summary>
/// <param name="Platform">The adapter's platform key, e.g. <c>slack</c>; its handler is found by it.</param>
/// <param name="Lane">Whose turn it is: the organizer, e.g. <c>slack:T1:U1</c>. One lane's items are handled in arrival order.</param>
/// <param name="DeliveryKey">The platform's id for this delivery, for de-duplication; null when the platform gives none.</param>
/// <param name="Kind">What the payload is, for the adapter's handler.</param>
/// <param name="Payload">Adapter-defined JSON: the parsed request and where to answer. May hold secrets; never logged.</param>
public sealed record NewInboxItem(string Platform, string Lane, string? DeliveryKey, string Kind, string Payload);

public enum InboxAdditionStatus
{
    Added,
    Duplicate,
}

/// <summary>The result of <see cref="IInboxStore.TryAddAsync"/>: the new item's id when it was added.</summary>
public readonly record struct InboxAddition(InboxAdditionStatus Status, long Id)
{
    public static InboxAddition Duplicate => new(InboxAdditionStatus.Duplicate, 0);

    public static InboxAddition Added(long id) => new(InboxAdditionStatus.Added, id);
}

/// <summary>An item a start-up finds still to do.</summary>
public sealed record UnfinishedInboxItem(long Id, string Platform, string Lane);

/// <summary>
/// The result of <see cref="IInboxStore.ClaimAsync"/>: the <see cref="Item"/> claimed; or, when the lane is someone
/// else's for now, when to look again (<see cref="HeldUntil"/>: when their lease runs out, or at once when the claim
/// lost a race); or neither, when the lane is empty.
/// </summary>
public readonly record struct InboxClaim(ClaimedInboxItem? Item, DateTimeOffset? HeldUntil)
{
    public static InboxClaim Empty => default;
}

/// <summary>An item leased for handling; <see cref="Attempts"/> counts this one.</summary>
public sealed record ClaimedInboxItem(long Id, string Platform, string Lane, string Kind, string Payload, DateTimeOffset ReceivedAt, int Attempts);

public enum InboxOutcome
{
    Handled,

    /// <summary>Failed every attempt: given up on, so it cannot block its organizer's lane for ever.</summary>
    GaveUp,
}
