namespace OneOnOne.Discord.Socket;

/// <summary>How one Gateway connection ended, and so what the client does next.</summary>
internal abstract record GatewayOutcome(string Reason)
{
    /// <summary>Connect again; resume the session when <paramref name="Resume"/>, after <paramref name="Delay"/> when given.</summary>
    public sealed record Reconnect(bool Resume, string Reason, TimeSpan? Delay = null) : GatewayOutcome(Reason);

    /// <summary>Reconnecting can't help: the settings are wrong. The message names the setting.</summary>
    public sealed record Fatal(string Reason) : GatewayOutcome(Reason);

    /// <summary>The host is stopping.</summary>
    public sealed record Stopped() : GatewayOutcome("stopping");
}
