namespace OneOnOne.Core.Time;

/// <summary>
/// Moves a simulated clock forward and delivers whatever fell due, so a newcomer in the console can see
/// a week of follow-ups in a minute. Registered only where the clock is simulated.
/// </summary>
public interface IClockControl
{
    DateTimeOffset Now { get; }

    /// <summary>Advances the clock, then runs every job that fell due on the way.</summary>
    Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken);
}
