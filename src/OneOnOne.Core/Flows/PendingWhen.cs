using System.Globalization;
using System.Text.Json;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Flows;

/// <summary>
/// What a date-time question still waits for after an answer that was not quite a date and time: the time on a day
/// (<see cref="Day"/>), or which way round a slash date is meant (<see cref="Typed"/>, read again once the organizer
/// says). Kept with the run's answers, so the follow-up question survives a restart.
/// </summary>
/// <param name="Day">The day waiting for its time (yyyy-MM-dd), with the <paramref name="Part"/> of the day said.</param>
/// <param name="Typed">The answer with a slash date that reads two ways, and the two dates it could be.</param>
public sealed record PendingWhen(
    string? Day = null, DayPart Part = DayPart.None, string? Typed = null, string? DayFirstDate = null, string? MonthFirstDate = null)
{
    /// <summary>The button value for reading slash dates day first, and the one for month first.</summary>
    public const string DayFirst = "day-first";

    public const string MonthFirst = "month-first";

    public static PendingWhen TimeOn(ParsedDay day) => new(Text(day.Date), day.Part);

    public static PendingWhen WhichOrder(string typed, DateOnly dayFirst, DateOnly monthFirst) =>
        new(Typed: typed, DayFirstDate: Text(dayFirst), MonthFirstDate: Text(monthFirst));

    /// <summary>The day waiting for its time, or null when the question waits for a date order.</summary>
    public ParsedDay? WaitingDay => Read(Day) is { } date ? new ParsedDay(date, Part) : null;

    /// <summary>The two readings of <see cref="Typed"/>, or null when the question waits for a time.</summary>
    public (DateOnly DayFirst, DateOnly MonthFirst)? Readings =>
        Typed is not null && Read(DayFirstDate) is { } dayFirst && Read(MonthFirstDate) is { } monthFirst ? (dayFirst, monthFirst) : null;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Read(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The follow-up waiting on question <paramref name="questionId"/>, if any.</summary>
    public static PendingWhen? Find(FlowAnswers answers, string questionId) =>
        answers.Get(Key(questionId)) is { } json ? JsonSerializer.Deserialize<PendingWhen>(json) : null;

    public void SaveTo(FlowAnswers answers, string questionId) => answers.Set(Key(questionId), ToJson());

    public string ToJson() => JsonSerializer.Serialize(this);

    public static void Clear(FlowAnswers answers, string questionId) => answers.Remove(Key(questionId));

    /// <summary>Stored beside the question's own answer; a question id never contains a colon (button payloads use it).</summary>
    public static string Key(string questionId) => $"{questionId}:pending";

    /// <summary>Reads "day-first", "month-first", or a reading's label as the answer to which way round.</summary>
    public static DateOrder? ReadOrder(string text, string dayFirstLabel, string monthFirstLabel)
    {
        var t = text.Trim();
        return t.Equals(DayFirst, StringComparison.OrdinalIgnoreCase) || t.Equals(dayFirstLabel, StringComparison.OrdinalIgnoreCase)
            ? DateOrder.DayFirst
            : t.Equals(MonthFirst, StringComparison.OrdinalIgnoreCase) || t.Equals(monthFirstLabel, StringComparison.OrdinalIgnoreCase)
                ? DateOrder.MonthFirst
                : null;
    }
}
