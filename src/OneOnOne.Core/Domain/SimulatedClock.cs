namespace OneOnOne.Core.Domain;

/// <summary>
/// How far the console's simulated clock runs ahead of the real one. A single row kept in the data
/// file, so that after a restart the clock is where the data left it, never behind meetings already held.
/// </summary>
public sealed class SimulatedClock
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public TimeSpan Ahead { get; set; }
}
