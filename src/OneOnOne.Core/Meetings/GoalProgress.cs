using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Meetings;

/// <summary>An organizer's goal for a four-week window and how far along they are.</summary>
public sealed record GoalProgress(int Goal, DateTimeOffset Start, DateTimeOffset End, int Held)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(28);

    public static (DateTimeOffset Start, DateTimeOffset End)? WindowOf(Organizer organizer) =>
        organizer.GoalSetAt is { } start ? (start, start + Window) : null;

    public bool IsOver(DateTimeOffset now) => now >= End;

    public string Describe(DateTimeOffset now, TimeZoneInfo zone)
    {
        var bar = Bar();
        if (IsOver(now))
        {
            return $"{bar} {Held} of {Counted.OneOnOnes(Goal)} in the window that ended {Time.Zones.DescribeDate(End, zone, now)}. " +
                   "Set a new goal with `goal <number>`.";
        }

        var daysLeft = Math.Max(0, (int)Math.Ceiling((End - now).TotalDays));
        var tail = Held >= Goal ? "Goal reached: wonderful work!" : $"{Goal - Held} to go, {daysLeft} days left.";
        return $"{bar} {Held} of {Counted.OneOnOnes(Goal)} held. {tail}";
    }

    private string Bar()
    {
        const int width = 10;
        var filled = Goal == 0 ? width : Math.Min(width, Held * width / Goal);
        return "[" + new string('#', filled) + new string('-', width - filled) + "]";
    }
}
