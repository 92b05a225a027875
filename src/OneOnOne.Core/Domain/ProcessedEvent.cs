namespace OneOnOne.Core.Domain;

/// <summary>An inbound platform event already handled; a redelivery is acknowledged and ignored.</summary>
public sealed class ProcessedEvent
{
    public required string Key { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
