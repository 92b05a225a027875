namespace OneOnOne.Telemetry;

/// <summary>How many deliveries wait in a durable inbox, read whenever the metrics are collected.</summary>
/// <param name="Read">Cheap and safe to call from any thread.</param>
public sealed record InboxDepth(Func<int> Read);
