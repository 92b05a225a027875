namespace OneOnOne.Telemetry;

/// <summary>
/// Whether the connection the bot keeps open to its platform (Slack's Socket Mode socket, Discord's Gateway) is up,
/// for the readiness probe. A transport the platform reaches over HTTP keeps none and never reports here; then
/// <see cref="State"/> stays <see cref="PlatformConnectionState.NotKept"/> and readiness has nothing to wait for.
/// </summary>
public sealed class PlatformConnection
{
    private volatile PlatformConnectionState _state = PlatformConnectionState.NotKept;

    public PlatformConnectionState State => _state;

    /// <summary>The connection is being opened: at start, or again after it dropped.</summary>
    public void Connecting() => _state = PlatformConnectionState.Connecting;

    /// <summary>The platform said hello (Socket Mode) or ready (Gateway READY or RESUMED).</summary>
    public void Opened() => _state = PlatformConnectionState.Open;
}

public enum PlatformConnectionState
{
    /// <summary>The platform reaches the bot over HTTP; no connection is kept.</summary>
    NotKept,

    Connecting,

    Open,
}
