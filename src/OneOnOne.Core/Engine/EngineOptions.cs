namespace OneOnOne.Core.Engine;

/// <summary>Bound from the "Bot" configuration section.</summary>
public sealed class EngineOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// IANA zone for new teams. Empty means this machine's zone, which is what a newcomer trying the
    /// console expects. A name this machine doesn't know stops start-up (<see cref="EngineOptionsValidator"/>).
    /// </summary>
    public string? DefaultTimeZone { get; set; }

    /// <summary>Longest command text accepted; longer input is refused with an explanation.</summary>
    public int MaxCommandLength { get; set; } = 2000;
}
