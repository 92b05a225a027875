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
