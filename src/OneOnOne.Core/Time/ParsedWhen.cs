namespace OneOnOne.Core.Time;

/// <summary>What <see cref="WhenParser"/> read a date/time phrase as.</summary>
/// <param name="Local">The wall-clock time in the organizer's zone, Kind Unspecified.</param>
/// <param name="Passed">
/// Set when a month and day typed without a year had already passed this year (recently): <see cref="Local"/> is
/// that past date, as typed. A question about the past takes it as it is; one about the future should ask
/// (<see cref="PassedDate.Question"/>) rather than move it a year on without saying so.
/// </param>
/// <param name="OtherReading">
/// Set when the text could as well mean a week later: "next friday" typed on a Thursday is read as tomorrow, the first
/// Friday after today, but many mean the Friday of next week. A caller confirming the date should offer this one.
/// </param>
public sealed record ParsedWhen(DateTime Local, PassedDate? Passed, DateTime? OtherReading = null);

/// <summary>A month-day typed without a year that has already passed this year, and what it would be next year.</summary>
/// <param name="AsTyped">This year's date and time, already past.</param>
/// <param name="NextYear">The same date and time in the first later year where it exists.</param>
/// <param name="YearAt">Where the year goes in the text that was read: just after the day and month.</param>
public sealed record PassedDate(DateTime AsTyped, DateTime NextYear, int YearAt)
{
    /// <summary><paramref name="text"/> (the text read, or a longer one starting with it) with next year written in.</summary>
    public string WithYear(string text) =>
        YearAt <= text.Length ? text.Insert(YearAt, $" {NextYear.Year}") : text;

    /// <summary>"Tue 1 Dec has already passed. Did you mean Wed 1 Dec 2027? If so, type `…`."</summary>
    /// <param name="localNow">The organizer's wall clock, to decide whether a year is shown.</param>
    /// <param name="retype">What to type for next year's date, e.g. the whole command with <see cref="WithYear"/> applied.</param>
    public string Question(DateTime localNow, string retype) =>
        $"{Zones.DescribeLocalDate(AsTyped, localNow)} has already passed. " +
        $"Did you mean {Zones.DescribeLocalDate(NextYear, localNow)}? If so, type `{retype}`.";
}

/// <summary>A part of the day said with a day or a time ("monday morning", "9 in the evening").</summary>
public enum DayPart
{
    None,
    Morning,
    Afternoon,
    Evening,
}

/// <summary>A day said without a time ("tomorrow", "monday morning"), as <see cref="WhenParser.TryReadDay"/> read it.</summary>
/// <param name="Date">The calendar day in the organizer's zone.</param>
/// <param name="Part">The part of the day said with it, which reads a bare hour and suggests times.</param>
public sealed record ParsedDay(DateOnly Date, DayPart Part = DayPart.None)
{
    /// <summary>A time that fits what was said, for examples: 09:00 for a morning, 14:00 for an afternoon, 19:00 for an evening, else 18:00.</summary>
    public TimeOnly TypicalTime => Part switch
    {
        DayPart.Morning => new TimeOnly(9, 0),
        DayPart.Afternoon => new TimeOnly(14, 0),
        DayPart.Evening => new TimeOnly(19, 0),
        _ => new TimeOnly(18, 0),
    };

    /// <summary>Whether a clock time belongs to <see cref="Part"/> (any time does when no part was said).</summary>
    public bool Fits(TimeOnly time) => Part switch
    {
        DayPart.Morning => time.Hour < 12,
        DayPart.Afternoon => time.Hour is >= 12 and < 18,
        DayPart.Evening => time.Hour >= 17,
        _ => true,
    };
}
