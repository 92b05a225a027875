using System.Globalization;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Tests.Time;

/// <summary>
/// Issue 10's table: the expressions organizers type, each with the reading a person means, at a fixed instant
/// (Thursday 26 Nov 2026, 10:00 on the organizer's wall clock). A row's reading is one of:
/// <c>yyyy-MM-dd HH:mm</c>, a date and time; <c>day yyyy-MM-dd</c>, a day said without a time (the bot reads the day
/// and asks for the time on it); <c>no</c>, refused (the bot says what it can read, or asks).
/// The first theory holds every expression the issue quotes; the second, more that organizers plausibly type.
/// WhenParserTests holds the grammar's finer rules and edges.
/// </summary>
public class IssueTenExpressionTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0);

    [Theory]
    [InlineData("tomorrow", "day 2026-11-27")]
    [InlineData("tuesday", "day 2026-12-01")]
    [InlineData("next tuesday", "day 2026-12-01")]
    [InlineData("this friday", "day 2026-11-27")]
    [InlineData("dec 12", "day 2026-12-12")]
    [InlineData("12/12", "day 2026-12-12")]
    [InlineData("in 3 days", "day 2026-11-29")]
    [InlineData("in a week", "day 2026-12-03")]
    [InlineData("tonight", "day 2026-11-26")]
    [InlineData("monday morning", "day 2026-11-30")]
    [InlineData("tomorrow morning at 9", "2026-11-27 09:00")]
    [InlineData("this evening at 6", "2026-11-26 18:00")]
    [InlineData("6 o'clock", "2026-11-26 18:00")]
    [InlineData("half past six", "2026-11-26 18:30")]
    [InlineData("quarter to seven", "2026-11-26 18:45")]
    [InlineData("tuesday 6", "2026-12-01 18:00")]
    [InlineData("6.30pm", "2026-11-26 18:30")]
    [InlineData("6 P.M.", "2026-11-26 18:00")]
    [InlineData("6 pm.", "2026-11-26 18:00")]
    [InlineData("Dec. 12 at 3pm", "2026-12-12 15:00")]
    [InlineData("tomorrow @ 6pm", "2026-11-27 18:00")]
    [InlineData("Fri Dec 11 2pm", "2026-12-11 14:00")]
    [InlineData("Friday, December 11 at 2pm", "2026-12-11 14:00")]
    [InlineData("12/12 at 3pm", "2026-12-12 15:00")]
    [InlineData("the 12th at 2pm", "2026-12-12 14:00")]
    [InlineData("in 2 hours", "2026-11-26 12:00")]
    [InlineData("in 30 minutes", "2026-11-26 10:30")]
    [InlineData("in two weeks at 10am", "2026-12-10 10:00")]
    [InlineData("same time tomorrow", "2026-11-27 10:00")]
    [InlineData("day after tomorrow at 10am", "2026-11-28 10:00")]
    [InlineData("friday week", "day 2026-12-04")]
    [InlineData("tomorow 6pm", "2026-11-27 18:00")]
    [InlineData("tommorow at 6pm", "2026-11-27 18:00")]
    [InlineData("tmr 6pm", "2026-11-27 18:00")]
    [InlineData("tomorrow at 6", "2026-11-27 18:00")]
    [InlineData("tue at 6", "2026-12-01 18:00")]
    [InlineData("18h30", "2026-11-26 18:30")]
    [InlineData("asap", "no")]
    [InlineData("lunch", "no")]
    [InlineData("room 6", "no")]
    [InlineData("42", "no")]
    [InlineData("the 12th", "day 2026-12-12")]
    [InlineData("next friday", "day 2026-11-27")]
    [InlineData("friday next week", "day 2026-12-04")]
    [InlineData("fri dec 12", "no")]
    public void Every_expression_quoted_in_the_issue(string text, string reading) => AssertReads(text, reading);

    [Theory]
    [InlineData("wednesday", "day 2026-12-02")]
    [InlineData("wed", "day 2026-12-02")]
    [InlineData("on monday", "day 2026-11-30")]
    [InlineData("next monday", "day 2026-11-30")]
    [InlineData("sunday", "day 2026-11-29")]
    [InlineData("sat", "day 2026-11-28")]
    [InlineData("thursday week", "day 2026-12-03")]
    [InlineData("monday next week", "day 2026-11-30")]
    [InlineData("next week on friday", "day 2026-12-04")]
    [InlineData("december 12", "day 2026-12-12")]
    [InlineData("12 december", "day 2026-12-12")]
    [InlineData("the 12th of december", "day 2026-12-12")]
    [InlineData("dec 12th", "day 2026-12-12")]
    [InlineData("jan 4", "day 2027-01-04")]
    [InlineData("january 4 2027", "day 2027-01-04")]
    [InlineData("2026-12-12", "day 2026-12-12")]
    [InlineData("25/12", "day 2026-12-25")]
    [InlineData("12/25", "day 2026-12-25")]
    [InlineData("in 2 weeks", "day 2026-12-10")]
    [InlineData("in two days", "day 2026-11-28")]
    [InlineData("in ten days", "day 2026-12-06")]
    [InlineData("day after tomorrow", "day 2026-11-28")]
    [InlineData("the day after tomorrow", "day 2026-11-28")]
    [InlineData("tomorrow evening", "day 2026-11-27")]
    [InlineData("tomorrow night", "day 2026-11-27")]
    [InlineData("friday afternoon", "day 2026-11-27")]
    [InlineData("this afternoon", "day 2026-11-26")]
    [InlineData("tomorrow 5pm", "2026-11-27 17:00")]
    [InlineData("tomorrow at 5:30pm", "2026-11-27 17:30")]
    [InlineData("tomorrow at 17:30", "2026-11-27 17:30")]
    [InlineData("tomorrow 7", "2026-11-27 19:00")]
    [InlineData("tomorrow at noon", "2026-11-27 12:00")]
    [InlineData("tomorrow evening at 7", "2026-11-27 19:00")]
    [InlineData("tomorrow afternoon at 4", "2026-11-27 16:00")]
    [InlineData("tomorrow at 6 in the evening", "2026-11-27 18:00")]
    [InlineData("tomorrow at 10 in the morning", "2026-11-27 10:00")]
    [InlineData("tonight at 7", "2026-11-26 19:00")]
    [InlineData("tonight at 7:30", "2026-11-26 19:30")]
    [InlineData("tonight 9pm", "2026-11-26 21:00")]
    [InlineData("this afternoon at 2", "2026-11-26 14:00")]
    [InlineData("this afternoon at 4:30", "2026-11-26 16:30")]
    [InlineData("today at 3", "2026-11-26 15:00")]
    [InlineData("today at noon", "2026-11-26 12:00")]
    [InlineData("today 4:45pm", "2026-11-26 16:45")]
    [InlineData("at 5", "2026-11-26 17:00")]
    [InlineData("at 7pm", "2026-11-26 19:00")]
    [InlineData("5:30pm", "2026-11-26 17:30")]
    [InlineData("7 pm", "2026-11-26 19:00")]
    [InlineData("7pm tonight", "2026-11-26 19:00")]
    [InlineData("11am", "2026-11-26 11:00")]
    [InlineData("18:30", "2026-11-26 18:30")]
    [InlineData("half past 7", "2026-11-26 19:30")]
    [InlineData("quarter past six", "2026-11-26 18:15")]
    [InlineData("a quarter past 6 tomorrow", "2026-11-27 18:15")]
    [InlineData("7 o'clock tomorrow", "2026-11-27 19:00")]
    [InlineData("at seven", "2026-11-26 19:00")]
    [InlineData("tuesday at 6pm", "2026-12-01 18:00")]
    [InlineData("tues at 6", "2026-12-01 18:00")]
    [InlineData("tue 6pm", "2026-12-01 18:00")]
    [InlineData("Tuesday 6:30pm", "2026-12-01 18:30")]
    [InlineData("next tuesday at 6", "2026-12-01 18:00")]
    [InlineData("next tue 7pm", "2026-12-01 19:00")]
    [InlineData("this friday at 5", "2026-11-27 17:00")]
    [InlineData("friday at noon", "2026-11-27 12:00")]
    [InlineData("fri 5:30pm", "2026-11-27 17:30")]
    [InlineData("friday 6pm", "2026-11-27 18:00")]
    [InlineData("monday at 7", "2026-11-30 19:00")]
    [InlineData("mon 7:30pm", "2026-11-30 19:30")]
    [InlineData("wednesday evening at 6", "2026-12-02 18:00")]
    [InlineData("wed morning at 8", "2026-12-02 08:00")]
    [InlineData("sunday afternoon at 3", "2026-11-29 15:00")]
    [InlineData("saturday at 10am", "2026-11-28 10:00")]
    [InlineData("sat at 11", "2026-11-28 11:00")]
    [InlineData("thursday at 6pm", "2026-11-26 18:00")]
    [InlineData("friday week at 6pm", "2026-12-04 18:00")]
    [InlineData("tuesday next week at 6", "2026-12-01 18:00")]
    [InlineData("next week tuesday 6pm", "2026-12-01 18:00")]
    [InlineData("dec 12 at 6pm", "2026-12-12 18:00")]
    [InlineData("dec 12 6pm", "2026-12-12 18:00")]
    [InlineData("December 12 at 6:30pm", "2026-12-12 18:30")]
    [InlineData("12 dec at 18:00", "2026-12-12 18:00")]
    [InlineData("the 12th of December at 6pm", "2026-12-12 18:00")]
    [InlineData("on the 12th at 6", "2026-12-12 18:00")]
    [InlineData("Dec 12th at 3pm", "2026-12-12 15:00")]
    [InlineData("dec. 12th 3pm", "2026-12-12 15:00")]
    [InlineData("Sat Dec 12 3pm", "2026-12-12 15:00")]
    [InlineData("Saturday December 12th at 3pm", "2026-12-12 15:00")]
    [InlineData("jan 4 at 6pm", "2027-01-04 18:00")]
    [InlineData("January 4th 2027 at 6pm", "2027-01-04 18:00")]
    [InlineData("2026-12-12 at 18:30", "2026-12-12 18:30")]
    [InlineData("12/12 6pm", "2026-12-12 18:00")]
    [InlineData("25/12 at 10am", "2026-12-25 10:00")]
    [InlineData("12/25 10am", "2026-12-25 10:00")]
    [InlineData("12/25/2026 at 10am", "2026-12-25 10:00")]
    [InlineData("25/12/2026 10am", "2026-12-25 10:00")]
    [InlineData("in 3 days at 6pm", "2026-11-29 18:00")]
    [InlineData("in a week at 6pm", "2026-12-03 18:00")]
    [InlineData("in 2 days at 6", "2026-11-28 18:00")]
    [InlineData("in one hour", "2026-11-26 11:00")]
    [InlineData("in 45 minutes", "2026-11-26 10:45")]
    [InlineData("in 90 mins", "2026-11-26 11:30")]
    [InlineData("in 2 hrs", "2026-11-26 12:00")]
    [InlineData("same time on friday", "2026-11-27 10:00")]
    [InlineData("day after tomorrow at 6", "2026-11-28 18:00")]
    [InlineData("tomorrow 6:30 p.m.", "2026-11-27 18:30")]
    [InlineData("tomorrow at 6 p.m.", "2026-11-27 18:00")]
    [InlineData("6.30 pm tomorrow", "2026-11-27 18:30")]
    [InlineData("tomorrow 6:30pm.", "2026-11-27 18:30")]
    [InlineData("tomorrow@6pm", "2026-11-27 18:00")]
    [InlineData("fri @ 5pm", "2026-11-27 17:00")]
    [InlineData("tmw at 6", "2026-11-27 18:00")]
    [InlineData("tomorro 6pm", "2026-11-27 18:00")]
    [InlineData("tommorrow at 7pm", "2026-11-27 19:00")]
    [InlineData("Tomorrow At 6PM", "2026-11-27 18:00")]
    [InlineData("meeting tomorrow", "no")]
    [InlineData("tomorrow-ish", "no")]
    [InlineData("next", "no")]
    [InlineData("soon", "no")]
    [InlineData("later", "no")]
    [InlineData("whenever", "no")]
    [InlineData("after work", "no")]
    [InlineData("1/1", "day 2027-01-01")]
    [InlineData("3/4 at 6pm", "no")]
    public void More_expressions_organizers_type(string text, string reading) => AssertReads(text, reading);

    private static void AssertReads(string text, string reading)
    {
        var readsAsTime = WhenParser.TryRead(text, Now, out var when);
        var readsAsDay = WhenParser.TryReadDay(text, Now, null, out var day);
        if (reading == "no")
        {
            Assert.False(readsAsTime, $"“{text}” should be refused, was read as {when?.Local:yyyy-MM-dd HH:mm}");
            Assert.False(readsAsDay, $"“{text}” should be refused, was read as the day {day?.Date:yyyy-MM-dd}");
        }
        else if (reading.StartsWith("day ", StringComparison.Ordinal))
        {
            Assert.False(readsAsTime, $"“{text}” has no time, was read as {when?.Local:yyyy-MM-dd HH:mm}");
            Assert.True(readsAsDay, $"“{text}” should read as a day");
            Assert.Equal(DateOnly.ParseExact(reading[4..], "yyyy-MM-dd", CultureInfo.InvariantCulture), day!.Date);
        }
        else
        {
            Assert.True(readsAsTime, $"“{text}” should read as {reading}");
            Assert.Equal(DateTime.ParseExact(reading, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), when!.Local);
        }
    }
}
