using OneOnOne.Core.Inbox;

namespace OneOnOne.Data.Inbox;

/// <summary>
/// One acknowledged inbound, kept from its acknowledgement until it has been handled, then as a
/// de-duplication tombstone (payload cleared) for a day. See <see cref="IInboxStore"/>.
/// </summary>
internal sealed class InboxItem
{
    /// <summary>Assigned by the database in arrival order, across every lane and instance.</summary>
    public long Id { get; set; }

    public required string Platform { get; set; }

    public required string Lane { get; set; }

    /// <summary>Unique when present; null when the platform gives the delivery no id.</summary>
    public string? DeliveryKey { get; set; }

    public required string Kind { get; set; }

    /// <summary>Null once finished: it may hold response URLs and interaction tokens.</summary>
    public string? Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public InboxOutcome? Outcome { get; set; }
}
