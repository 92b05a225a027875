namespace OneOnOne.Scheduling;

/// <summary>Bound from the "Scheduling" configuration section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How often the dispatch job looks for due follow-ups and digests.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
