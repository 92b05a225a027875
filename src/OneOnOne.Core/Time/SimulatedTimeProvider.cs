namespace OneOnOne.Core.Time;

/// <summary>The real clock plus an offset that only grows: what the console's <c>/clock +2d</c> moves.</summary>
public sealed class SimulatedTimeProvider(TimeProvider real) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>
    /// Runs at least <paramref name="ahead"/> ahead of the real clock, e.g. as far as it was before a restart.
    /// Never moves back: an offset already larger is kept.
    /// </summary>
    public void CatchUp(TimeSpan ahead)
    {
        var current = Interlocked.Read(ref _offsetTicks);
        while (ahead.Ticks > current)
        {
            var seen = Interlocked.CompareExchange(ref _offsetTicks, ahead.Ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
