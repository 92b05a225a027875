using OneOnOne.Core.Time;

namespace OneOnOne.Core.Tests.Time;

public class WhenParserTests
{
    /// <summary>Thursday 26 Nov 2026, 10:00 on the organizer's wall clock.</summary>
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0);

    private static DateTime Parse(string text, DateTime now)
    {
        Assert.True(WhenParser.TryParse(text, now, out var local), $"expected \"{text}\" to parse");
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
        return local;
    }

    private static void AssertParses(string text, string expected, DateTime now) =>
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parse(text, now));

    [Fact]
    public void Fixed_now_is_a_thursday()
    {
        Assert.Equal(DayOfWeek.Thursday, Now.DayOfWeek);
    }

    [Theory]
    // The required forms.
    [InlineData("tomorrow 6pm", "2026-11-27 18:00")]
    [InlineData("tue 18:30", "2026-12-01 18:30")]
    [InlineData("next friday 9am", "2026-11-27 09:00")]
    [InlineData("in 3 days at noon", "2026-11-29 12:00")]
    [InlineData("2026-12-03 18:00", "2026-12-03 18:00")]
    // today / tonight / tomorrow.
    [InlineData("today 5:30pm", "2026-11-26 17:30")]
    [InlineData("today at 11am", "2026-11-26 11:00")]
    [InlineData("tomorrow at 6pm", "2026-11-27 18:00")]
    [InlineData("tomorrow 6 pm", "2026-11-27 18:00")]
    [InlineData("tmrw 6pm", "2026-11-27 18:00")]
    [InlineData("tomorrow 12am", "2026-11-27 00:00")]
    [InlineData("tomorrow 12:30am", "2026-11-27 00:30")]
    [InlineData("tomorrow 12pm", "2026-11-27 12:00")]
    [InlineData("tomorrow 1am", "2026-11-27 01:00")]
    [InlineData("tomorrow 11:59pm", "2026-11-27 23:59")]
    [InlineData("tomorrow 00:00", "2026-11-27 00:00")]
    [InlineData("tomorrow 06:05", "2026-11-27 06:05")]
    [InlineData("tomorrow 6:30", "2026-11-27 18:30")]
    [InlineData("tomorrow 06:30", "2026-11-27 06:30")]
    [InlineData("tuesday at 7:45", "2026-12-01 19:45")]
    [InlineData("tomorrow 23:59", "2026-11-27 23:59")]
    [InlineData("tomorrow 18h30", "2026-11-27 18:30")]
    [InlineData("tomorrow noon", "2026-11-27 12:00")]
    [InlineData("tomorrow midday", "2026-11-27 12:00")]
    [InlineData("tomorrow midnight", "2026-11-27 00:00")]
    // Weekdays, full and short names.
    [InlineData("friday at 9:15am", "2026-11-27 09:15")]
    [InlineData("fri 9:15am", "2026-11-27 09:15")]
    [InlineData("on friday at 9:15am", "2026-11-27 09:15")]
    [InlineData("this friday 9am", "2026-11-27 09:00")]
    [InlineData("saturday 7:05pm", "2026-11-28 19:05")]
    [InlineData("sat 7:05pm", "2026-11-28 19:05")]
    [InlineData("sunday 12pm", "2026-11-29 12:00")]
    [InlineData("sun 12pm", "2026-11-29 12:00")]
    [InlineData("monday noon", "2026-11-30 12:00")]
    [InlineData("mon noon", "2026-11-30 12:00")]
    [InlineData("tuesday 18:30", "2026-12-01 18:30")]
    [InlineData("tues 18:30", "2026-12-01 18:30")]
    [InlineData("wednesday 8am", "2026-12-02 08:00")]
    [InlineData("wed 8am", "2026-12-02 08:00")]
    [InlineData("weds 8am", "2026-12-02 08:00")]
    [InlineData("thursday 2pm", "2026-11-26 14:00")]
    [InlineData("thu 2pm", "2026-11-26 14:00")]
    [InlineData("thur 2pm", "2026-11-26 14:00")]
    [InlineData("thurs 2pm", "2026-11-26 14:00")]
    // Relative days.
    [InlineData("in 2 weeks at 10am", "2026-12-10 10:00")]
    [InlineData("in 1 day 14:00", "2026-11-27 14:00")]
    [InlineData("in 1 week 9am", "2026-12-03 09:00")]
    [InlineData("in a week 9am", "2026-12-03 09:00")]
    [InlineData("in a day at noon", "2026-11-27 12:00")]
    [InlineData("in 6 days 9am", "2026-12-02 09:00")]
    [InlineData("in 0 days at 5pm", "2026-11-26 17:00")]
    [InlineData("in 40 days at 5pm", "2027-01-05 17:00")]
    // Calendar dates.
    [InlineData("dec 3 6pm", "2026-12-03 18:00")]
    [InlineData("3 dec 18:00", "2026-12-03 18:00")]
    [InlineData("December 3 at 6:30pm", "2026-12-03 18:30")]
    [InlineData("december 3rd 6:30pm", "2026-12-03 18:30")]
    [InlineData("3rd of December at 6:30pm", "2026-12-03 18:30")]
    [InlineData("on dec 3 at 18:30", "2026-12-03 18:30")]
    [InlineData("on 3 dec 18:30", "2026-12-03 18:30")]
    [InlineData("dec 1st 9am", "2026-12-01 09:00")]
    [InlineData("dec 22nd 9am", "2026-12-22 09:00")]
    [InlineData("sept 9 9am", "2026-09-09 09:00")] // under six months back: as typed, flagged as passed
    [InlineData("May 5 9am", "2027-05-05 09:00")]
    [InlineData("dec 3, 2026 6pm", "2026-12-03 18:00")]
    [InlineData("dec 3 2027 6pm", "2027-12-03 18:00")]
    [InlineData("3 dec 2027 18:00", "2027-12-03 18:00")]
    [InlineData("2026-12-03 6pm", "2026-12-03 18:00")]
    [InlineData("2026-12-03 at 6pm", "2026-12-03 18:00")]
    [InlineData("2026-12-3 18:00", "2026-12-03 18:00")]
    [InlineData("2026-12-03T18:00", "2026-12-03 18:00")]
    [InlineData("2028-02-29 9am", "2028-02-29 09:00")]
    // Time first.
    [InlineData("6pm tomorrow", "2026-11-27 18:00")]
    [InlineData("6pm on friday", "2026-11-27 18:00")]
    [InlineData("9am next monday", "2026-11-30 09:00")]
    [InlineData("noon in 3 days", "2026-11-29 12:00")]
    [InlineData("18:00 dec 3", "2026-12-03 18:00")]
    [InlineData("at 6pm tomorrow", "2026-11-27 18:00")]
    [InlineData("at 6 tomorrow", "2026-11-27 18:00")]
    [InlineData("18h30 tomorrow", "2026-11-27 18:30")]
    // Case and whitespace.
    [InlineData("TOMORROW 6PM", "2026-11-27 18:00")]
    [InlineData("  Tomorrow   at\t6:30 PM  ", "2026-11-27 18:30")]
    [InlineData("tomorrow, 6pm", "2026-11-27 18:00")]
    [InlineData("tomorrow6pm", "2026-11-27 18:00")]
    public void Accepted_forms(string text, string expected)
    {
        AssertParses(text, expected, Now);
    }

    [Theory]
    [InlineData("noon", "2026-11-26 12:00")]              // still ahead today
    [InlineData("6pm", "2026-11-26 18:00")]
    [InlineData("at 6pm", "2026-11-26 18:00")]
    [InlineData("10:30", "2026-11-26 10:30")]
    [InlineData("9am", "2026-11-27 09:00")]               // already passed: tomorrow
    [InlineData("10am", "2026-11-27 10:00")]              // exactly now is not "ahead"
    [InlineData("midnight", "2026-11-27 00:00")]          // the coming midnight
    [InlineData("at midnight", "2026-11-27 00:00")]
    public void A_time_without_a_day_is_its_next_occurrence(string text, string expected)
    {
        AssertParses(text, expected, Now);
    }

    [Theory]
    [InlineData("tonight 8", "2026-11-26 20:00")]
    [InlineData("tonight at 8", "2026-11-26 20:00")]
    [InlineData("tonight 8pm", "2026-11-26 20:00")]
    [InlineData("tonight 8:30", "2026-11-26 20:30")]
    [InlineData("tonight 11:30", "2026-11-26 23:30")]
    [InlineData("tonight 20:00", "2026-11-26 20:00")]
    [InlineData("tonight 21", "2026-11-26 21:00")]
    [InlineData("8 tonight", "2026-11-26 20:00")]
    [InlineData("8pm tonight", "2026-11-26 20:00")]
    [InlineData("tonight midnight", "2026-11-27 00:00")]
    public void Tonight_is_today_with_a_pm_bias(string text, string expected)
    {
        AssertParses(text, expected, Now);
    }

    [Theory]
    [InlineData("tomorrow at 0", "2026-11-27 00:00")]
    [InlineData("tomorrow at 1", "2026-11-27 13:00")]
    [InlineData("tomorrow at 7", "2026-11-27 19:00")]
    [InlineData("tomorrow at 8", "2026-11-27 08:00")]
    [InlineData("tomorrow at 11", "2026-11-27 11:00")]
    [InlineData("tomorrow at 12", "2026-11-27 12:00")]
    [InlineData("tomorrow at 13", "2026-11-27 13:00")]
    [InlineData("tomorrow at 23", "2026-11-27 23:00")]
    [InlineData("friday at 3", "2026-11-27 15:00")]
    [InlineData("in 3 days at 9", "2026-11-29 09:00")]
    [InlineData("at 6", "2026-11-26 18:00")]
    public void A_bare_hour_after_at_is_read_as_a_working_hours_time(string text, string expected)
    {
        AssertParses(text, expected, Now);
    }

    [Theory]
    // Today (Thursday) counts for a plain weekday only while the time is still ahead.
    [InlineData("thu 11am", "2026-11-26 11:00")]
    [InlineData("thu 10:01", "2026-11-26 10:01")]
    [InlineData("thu 10:00", "2026-12-03 10:00")]
    [InlineData("thu 9am", "2026-12-03 09:00")]
    [InlineData("thursday midnight", "2026-12-03 00:00")]
    // "next" never means today, whatever the time.
    [InlineData("next thu 11am", "2026-12-03 11:00")]
    [InlineData("next thu 9am", "2026-12-03 09:00")]
    [InlineData("next friday 9am", "2026-11-27 09:00")]
    [InlineData("next wed 9am", "2026-12-02 09:00")]
    [InlineData("next monday 9am", "2026-11-30 09:00")]
    public void Weekday_and_next_weekday(string text, string expected)
    {
        AssertParses(text, expected, Now);
    }

    [Fact]
    public void Weekdays_land_on_that_weekday_within_a_week_for_every_starting_day_and_hour()
    {
        var start = new DateTime(2026, 11, 23, 0, 30, 0); // a Monday
        for (var now = start; now < start.AddDays(7); now = now.AddHours(1))
        {
            foreach (var weekday in Enum.GetValues<DayOfWeek>())
            {
                var name = weekday.ToString();

                var plain = Parse($"{name} 9am", now);
                Assert.Equal(weekday, plain.DayOfWeek);
                Assert.Equal(new TimeSpan(9, 0, 0), plain.TimeOfDay);
                Assert.True(plain > now && plain <= now.Date.AddDays(7).AddHours(9), $"{name} 9am at {now:s} gave {plain:s}");

                var next = Parse($"next {name} 9am", now);
                Assert.Equal(weekday, next.DayOfWeek);
                Assert.InRange((next.Date - now.Date).Days, 1, 7);
            }
        }
    }

    [Theory]
    [InlineData("nov 26 9am", "2026-11-26 09:00")]  // today, even though 9am has passed: dates compare by day
    [InlineData("nov 27 9am", "2026-11-27 09:00")]
    [InlineData("nov 25 9am", "2026-11-25 09:00")]  // yesterday: as typed, and flagged as passed (see below)
    [InlineData("nov 1 9am", "2026-11-01 09:00")]
    [InlineData("jun 1 9am", "2026-06-01 09:00")]   // under six months back: still this year's
    [InlineData("may 25 9am", "2027-05-25 09:00")]  // more than six months back: next year's
    [InlineData("jan 2 9am", "2027-01-02 09:00")]
    [InlineData("feb 29 9am", "2028-02-29 09:00")]  // next year that has one
    [InlineData("2025-01-01 9am", "2025-01-01 09:00")] // explicit past dates still parse
    [InlineData("today 9am", "2026-11-26 09:00")]
    [InlineData("nov 1 2025 9am", "2025-11-01 09:00")]
    public void Month_day_without_year_is_this_year_unless_long_past(string text, string expected)
    {
        AssertParses(text, expected, Now);
    }

    [Theory]
    [InlineData("nov 25 9am", "2026-11-25 09:00", "2027-11-25 09:00", "nov 25 2027 9am")]
    [InlineData("dec 1 6pm", "2026-12-01 18:00", "2027-12-01 18:00", "dec 1 2027 6pm")] // typed on Dec 3 (below)
    [InlineData("6pm on nov 1st", "2026-11-01 18:00", "2027-11-01 18:00", "6pm on nov 1st 2027")]
    [InlineData("1st of  November at 6pm", "2026-11-01 18:00", "2027-11-01 18:00", "1st of  November 2027 at 6pm")]
    [InlineData("Feb 29 9am", "2028-02-29 09:00", null, null)] // this year has none: the next one, nothing passed
    public void A_month_day_that_recently_passed_is_flagged_with_next_years_date(string text, string expected, string? nextYear, string? retyped)
    {
        var now = text.StartsWith("dec", StringComparison.Ordinal) ? new DateTime(2026, 12, 3, 8, 0, 0) : Now;
        Assert.True(WhenParser.TryRead(text, now, out ParsedWhen? when));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), when.Local);
        if (nextYear is null)
        {
            Assert.Null(when.Passed);
            return;
        }

        var passed = Assert.IsType<PassedDate>(when.Passed);
        Assert.Equal(DateTime.Parse(nextYear, System.Globalization.CultureInfo.InvariantCulture), passed.NextYear);
        Assert.Equal(retyped, passed.WithYear(text));
        Assert.True(WhenParser.TryParse(passed.WithYear(text), now, out DateTime again));
        Assert.Equal(passed.NextYear, again);
    }

    [Theory]
    [InlineData("nov 26 9am")]       // today, even though 9am has passed
    [InlineData("nov 27 9am")]
    [InlineData("jan 2 9am")]
    [InlineData("2026-11-01 9am")]   // an explicit year is what was meant
    [InlineData("nov 1 2026 9am")]
    [InlineData("today 9am")]
    public void Dates_ahead_or_with_a_year_are_not_flagged(string text)
    {
        Assert.True(WhenParser.TryRead(text, Now, out ParsedWhen? when));
        Assert.Null(when.Passed);
    }

    [Fact]
    public void A_passed_date_asks_with_both_dates_and_what_to_type()
    {
        var now = new DateTime(2026, 12, 3, 8, 0, 0);
        Assert.True(WhenParser.TryRead("dec 1 6pm", now, out ParsedWhen? when));
        Assert.Equal(
            "Tue 1 Dec has already passed. Did you mean Wed 1 Dec 2027? If so, type `schedule Darnell dec 1 2027 6pm`.",
            when.Passed!.Question(now, "schedule Darnell " + when.Passed.WithYear("dec 1 6pm")));
    }

    [Theory]
    [InlineData("jan 2 9am", "2027-01-02 09:00")]
    [InlineData("2 jan 9am", "2027-01-02 09:00")]
    [InlineData("dec 31 9am", "2026-12-31 09:00")]
    [InlineData("dec 30 9am", "2026-12-30 09:00")]
    [InlineData("dec 29 9am", "2026-12-29 09:00")]  // yesterday: as typed, flagged as passed
    [InlineData("tomorrow 9am", "2026-12-31 09:00")]
    [InlineData("in 3 days at noon", "2027-01-02 12:00")]
    [InlineData("fri 9am", "2027-01-01 09:00")]
    [InlineData("next wed 9am", "2027-01-06 09:00")]
    [InlineData("wed 9am", "2027-01-06 09:00")]
    [InlineData("wed 11pm", "2026-12-30 23:00")]
    public void Year_rollover(string text, string expected)
    {
        AssertParses(text, expected, new DateTime(2026, 12, 30, 10, 0, 0)); // a Wednesday
    }

    [Theory]
    [InlineData("2026-01-31 22:00", "tomorrow 9am", "2026-02-01 09:00")]
    [InlineData("2026-01-31 22:00", "9am", "2026-02-01 09:00")]
    [InlineData("2026-02-27 10:00", "in 2 days at noon", "2026-03-01 12:00")]
    [InlineData("2028-02-28 10:00", "tomorrow 9am", "2028-02-29 09:00")]
    [InlineData("2026-12-31 23:30", "midnight", "2027-01-01 00:00")]
    [InlineData("2026-12-31 23:30", "tonight midnight", "2027-01-01 00:00")]
    public void Month_and_leap_day_rollover(string now, string text, string expected)
    {
        AssertParses(text, expected, DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("friday")]
    [InlineData("dec 3")]
    [InlineData("2026-12-03")]
    [InlineData("tomorrow at")]
    [InlineData("25:00")]
    [InlineData("tomorrow 25:00")]
    [InlineData("tomorrow 24:00")]
    [InlineData("tomorrow 18:60")]
    [InlineData("tomorrow 18:5")]
    [InlineData("tomorrow 1800")]
    [InlineData("13pm")]
    [InlineData("tomorrow 13pm")]
    [InlineData("0am")]
    [InlineData("tomorrow 0pm")]
    [InlineData("tomorrow 13:30pm")]
    [InlineData("tomorrow 18h30pm")]
    [InlineData("tomorrow 18h")]
    [InlineData("12/03 6pm")]            // US or EU? we don't guess
    [InlineData("12/03")]
    [InlineData("3/12/2026 6pm")]
    [InlineData("12.03 6pm")]
    [InlineData("in -3 days at 5pm")]
    [InlineData("in 1000000000 days at 5pm")]
    [InlineData("in 999999999 days at 5pm")]
    [InlineData("in 3 months at 5pm")]
    [InlineData("in days at 5pm")]
    [InlineData("in 3 at 5pm")]
    [InlineData("6")]                    // bare hour without "at" or "tonight"
    [InlineData("dec 3 6")]              // a number after a number: a typo as likely as a time
    [InlineData("in 3 days 6")]
    [InlineData("tonight 8am")]          // contradictory
    [InlineData("tonight 12")]           // noon or midnight?
    [InlineData("tonight at 12")]
    [InlineData("tonight 0")]
    [InlineData("next week 9am")]
    [InlineData("next tomorrow 9am")]
    [InlineData("this dec 3 6pm")]
    [InlineData("next dec 3 6pm")]
    [InlineData("tomorrow 6pm at the cafe")] // the whole text must be a time
    [InlineData("tomorrow tomorrow 6pm")]
    [InlineData("tomorrow at at 6pm")]
    [InlineData("6pm 7pm")]
    [InlineData("tue wed 9am")]
    [InlineData("6pm tomorrow 7pm")]
    [InlineData("feb 30 9am")]
    [InlineData("dec 32 9am")]
    [InlineData("dec 0 9am")]
    [InlineData("2026-02-29 9am")]
    [InlineData("2026-13-01 9am")]
    [InlineData("0000-01-01 9am")]
    [InlineData("26-12-03 9am")]
    [InlineData("dec 3 6pm 2026")]
    [InlineData("tomorrow 6pm tomorrow")]
    [InlineData("mañana 6pm")]
    [InlineData("tomorrow 6pm 🎉")]
    public void Rejected(string text)
    {
        Assert.False(WhenParser.TryParse(text, Now, out var local));
        Assert.Equal(default, local);
    }

    /// <summary>The forms of issue 10, each with the reading a person means (Thu 26 Nov 2026, 10:00).</summary>
    [Theory]
    // Punctuation: "." between hour and minutes, a.m./p.m. with dots, a trailing full stop, "Dec.", "@".
    [InlineData("tomorrow 6.30pm", "2026-11-27 18:30")]
    [InlineData("tomorrow 6.30 pm", "2026-11-27 18:30")]
    [InlineData("tomorrow 9.15am", "2026-11-27 09:15")]
    [InlineData("tomorrow 6 p.m.", "2026-11-27 18:00")]
    [InlineData("tomorrow 6 p.m", "2026-11-27 18:00")]
    [InlineData("tomorrow 9 a.m.", "2026-11-27 09:00")]
    [InlineData("tomorrow 6:30 P.M.", "2026-11-27 18:30")]
    [InlineData("tomorrow 6pm.", "2026-11-27 18:00")]
    [InlineData("6p", "2026-11-26 18:00")]
    [InlineData("tomorrow 6p", "2026-11-27 18:00")]
    [InlineData("tomorrow 9a", "2026-11-27 09:00")]
    [InlineData("12 Dec. at 3pm", "2026-12-12 15:00")]
    [InlineData("tomorrow @6pm", "2026-11-27 18:00")]
    [InlineData("fri @ 6", "2026-11-27 18:00")]
    [InlineData("tomorrow @ 6.30 p.m.", "2026-11-27 18:30")]   // the README's example
    [InlineData("12/25 at 3pm.", "2026-12-25 15:00")]
    // A weekday before a date that agrees with it.
    [InlineData("Fri. Dec. 11 at 2pm", "2026-12-11 14:00")]
    [InlineData("on Friday, the 11th of December at 2pm", "2026-12-11 14:00")]
    [InlineData("sat 12/12 3pm", "2026-12-12 15:00")]
    [InlineData("fri the 11th at 2pm", "2026-12-11 14:00")]
    [InlineData("2pm fri dec 11", "2026-12-11 14:00")]
    // Ordinals: this month's, or next month's once passed.
    [InlineData("on the 12th at 2pm", "2026-12-12 14:00")]
    [InlineData("the 28th at 2pm", "2026-11-28 14:00")]
    [InlineData("the 26th at 2pm", "2026-11-26 14:00")]   // today
    [InlineData("the 1st at 9am", "2026-12-01 09:00")]
    [InlineData("the 31st at 9am", "2026-12-31 09:00")]   // November has none: December's
    [InlineData("2pm on the 3rd", "2026-12-03 14:00")]
    [InlineData("12th at 2pm", "2026-12-12 14:00")]
    // Slash dates, when only one reading is possible.
    [InlineData("25/12 at 3pm", "2026-12-25 15:00")]
    [InlineData("12/25 at 3pm", "2026-12-25 15:00")]
    [InlineData("12/25/2027 3pm", "2027-12-25 15:00")]
    [InlineData("25/12/2027 3pm", "2027-12-25 15:00")]
    [InlineData("3pm 12/12", "2026-12-12 15:00")]
    // Spans and relative days.
    [InlineData("the day after tomorrow at 10am", "2026-11-28 10:00")]
    [InlineData("10am the day after tomorrow", "2026-11-28 10:00")]
    [InlineData("friday week at 10am", "2026-12-04 10:00")]
    [InlineData("thursday week 9am", "2026-12-03 09:00")]  // today is Thursday: a week from today
    [InlineData("tuesday next week at 10am", "2026-12-01 10:00")]
    [InlineData("friday next week at 10am", "2026-12-04 10:00")]
    [InlineData("monday next week 9am", "2026-11-30 09:00")]
    [InlineData("next week tuesday at 10am", "2026-12-01 10:00")]
    [InlineData("next week on friday 10am", "2026-12-04 10:00")]
    [InlineData("in 30 mins", "2026-11-26 10:30")]
    [InlineData("in an hour", "2026-11-26 11:00")]
    [InlineData("in half an hour", "2026-11-26 10:30")]
    [InlineData("in two hours", "2026-11-26 12:00")]
    [InlineData("in 1 hour 30 minutes", "2026-11-26 11:30")]
    [InlineData("in 1 hour and 15 minutes", "2026-11-26 11:15")]
    [InlineData("in 20 hours", "2026-11-27 06:00")]
    [InlineData("in three days at noon", "2026-11-29 12:00")]
    [InlineData("in twelve days at noon", "2026-12-08 12:00")]
    [InlineData("tomorrow same time", "2026-11-27 10:00")]
    [InlineData("tomorrow at the same time", "2026-11-27 10:00")]
    [InlineData("same time next friday", "2026-11-27 10:00")]
    [InlineData("same time in a week", "2026-12-03 10:00")]
    // A bare hour after a day said in words, like "at": a working-hours time.
    [InlineData("tomorrow 6", "2026-11-27 18:00")]
    [InlineData("friday 9", "2026-11-27 09:00")]
    [InlineData("6 tomorrow", "2026-11-27 18:00")]
    [InlineData("tomorrow at six", "2026-11-27 18:00")]
    [InlineData("tomorrow six pm", "2026-11-27 18:00")]
    [InlineData("tomorrow 18h30", "2026-11-27 18:30")]
    // Clock words.
    [InlineData("tomorrow 6 o’clock", "2026-11-27 18:00")]
    [InlineData("tomorrow at 9 oclock", "2026-11-27 09:00")]
    [InlineData("tomorrow at half past six", "2026-11-27 18:30")]
    [InlineData("tomorrow at a quarter to seven", "2026-11-27 18:45")]
    [InlineData("quarter past 6", "2026-11-26 18:15")]
    [InlineData("tomorrow quarter past 9", "2026-11-27 09:15")]
    [InlineData("quarter to 1", "2026-11-26 12:45")]
    [InlineData("tomorrow quarter to 9am", "2026-11-27 08:45")]
    [InlineData("half past 10 in the morning", "2026-11-26 10:30")]
    [InlineData("noon", "2026-11-26 12:00")]
    [InlineData("tomorrow at 12 noon", "2026-11-27 12:00")]
    [InlineData("midnight", "2026-11-27 00:00")]
    [InlineData("friday at midnight", "2026-11-27 00:00")]
    // Parts of the day make a bare hour unambiguous.
    [InlineData("tomorrow morning 7", "2026-11-27 07:00")]
    [InlineData("tomorrow morning at 7:30", "2026-11-27 07:30")]
    [InlineData("tomorrow afternoon at 2", "2026-11-27 14:00")]
    [InlineData("tomorrow afternoon at 12:30", "2026-11-27 12:30")]
    [InlineData("tomorrow evening at 6", "2026-11-27 18:00")]
    [InlineData("tomorrow night at 8", "2026-11-27 20:00")]
    [InlineData("tomorrow in the evening at 6", "2026-11-27 18:00")]
    [InlineData("this afternoon at 3", "2026-11-26 15:00")]
    [InlineData("this morning at 11", "2026-11-26 11:00")]
    [InlineData("tonight at 8", "2026-11-26 20:00")]
    [InlineData("monday morning at 9", "2026-11-30 09:00")]
    [InlineData("friday evening 7", "2026-11-27 19:00")]
    [InlineData("dec 12 in the morning at 8", "2026-12-12 08:00")]
    [InlineData("9 in the morning", "2026-11-27 09:00")]
    [InlineData("6 in the evening", "2026-11-26 18:00")]
    [InlineData("8 at night", "2026-11-26 20:00")]
    [InlineData("tomorrow at 3 in the afternoon", "2026-11-27 15:00")]
    // Typos of tomorrow.
    [InlineData("tommorrow 6pm", "2026-11-27 18:00")]
    [InlineData("tmrw at 6", "2026-11-27 18:00")]
    [InlineData("day after tommorow at 10am", "2026-11-28 10:00")]
    public void Forms_people_type(string text, string expected)
    {
        AssertParses(text, expected, Now);
    }

    [Theory]
    [InlineData("six")]
    [InlineData("6.30")]                       // could be a date ("12.03"): the dot needs am/pm
    [InlineData("tomorrow 6.30")]
    [InlineData("12.12 at 3pm")]
    [InlineData("tomorrow morning 6pm")]        // contradictory
    [InlineData("tomorrow morning at 12")]
    [InlineData("tomorrow afternoon at 9")]
    [InlineData("this evening at 9am")]
    [InlineData("tomorrow morning at 6 in the evening")]
    [InlineData("tomorrow morning")]           // a part of the day is not a time
    [InlineData("this evening")]
    [InlineData("same time")]                  // needs a day
    [InlineData("same time tonight")]
    [InlineData("half past")]
    [InlineData("half past 13")]
    [InlineData("quarter to")]
    [InlineData("quarter to 12am")]
    [InlineData("in 0 hours")]
    [InlineData("in hours")]
    [InlineData("in 2 hours at 6pm")]
    [InlineData("in 999999999 hours")]
    [InlineData("the 12 at 2pm")]              // "the 12" alone is not a date
    [InlineData("the 32nd at 2pm")]
    [InlineData("12/03 at 3pm")]               // 12 March or 3 December?
    [InlineData("13/13 at 3pm")]
    [InlineData("0/0 at 3pm")]
    [InlineData("12/12/26 at 3pm")]
    [InlineData("next friday week 9am")]
    [InlineData("fri dec 12 2pm")]             // the 12th is a Saturday
    [InlineData("dec 3 6 o'clock pm")]
    [InlineData("a.m.")]
    [InlineData("6 pm..")]
    [InlineData("@")]
    [InlineData("tomorrow @")]
    public void Refused_forms(string text)
    {
        Assert.False(WhenParser.TryParse(text, Now, out _), $"expected \"{text}\" to be refused");
    }

    [Theory]
    [InlineData("fri dec 12 2pm", "Sat 12 Dec is a Saturday, not a Friday. Which day did you mean?")]
    [InlineData("Friday, December 12 at 2pm", "Sat 12 Dec is a Saturday, not a Friday. Which day did you mean?")]
    [InlineData("2pm mon the 12th", "Sat 12 Dec is a Saturday, not a Monday. Which day did you mean?")]
    [InlineData("12/03 at 3pm", "“12/03” could be 3 Dec or 12 Mar. Please write the month as a word, like `3 dec`, " +
                                  "or tell me how you write dates: `dates day-first` or `dates month-first`.")]
    public void A_refusal_that_can_be_explained_says_why(string text, string problem)
    {
        Assert.False(WhenParser.TryRead(text, Now, out _, out var said));
        Assert.Equal(problem, said);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("tomorrow")]
    [InlineData("fri dec 11")]
    public void Other_refusals_have_no_problem_to_explain(string text)
    {
        Assert.False(WhenParser.TryRead(text, Now, out _, out var said));
        Assert.Null(said);
    }

    [Fact]
    public void A_slash_date_that_recently_passed_is_flagged_like_a_month_day()
    {
        Assert.True(WhenParser.TryRead("11/11 at 3pm", Now, out var when));
        Assert.Equal(new DateTime(2026, 11, 11, 15, 0, 0), when.Local);
        Assert.NotNull(when.Passed);
        Assert.Equal("11/11 2027 at 3pm", when.Passed.WithYear("11/11 at 3pm"));
        Assert.True(WhenParser.TryParse("11/11 2027 at 3pm", Now, out var retyped));
        Assert.Equal(new DateTime(2027, 11, 11, 15, 0, 0), retyped);
    }

    [Theory]
    [InlineData("tue dec 1 6pm", "2026-12-01 18:00")]  // this year's Tuesday: the past date, nothing to ask
    [InlineData("wed dec 1 6pm", "2027-12-01 18:00")]  // next year's Wednesday
    public void A_weekday_before_a_date_that_just_passed_says_which_year(string text, string expected)
    {
        var dec3 = new DateTime(2026, 12, 3, 10, 0, 0);
        Assert.True(WhenParser.TryRead(text, dec3, out var when), text);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), when.Local);
        Assert.Null(when.Passed);
    }

    [Theory]
    [InlineData("next friday 9am", "2026-12-04 09:00")]   // tomorrow, or the Friday of next week?
    [InlineData("next sunday 9am", "2026-12-06 09:00")]
    [InlineData("next saturday at 6", "2026-12-05 18:00")]
    [InlineData("next monday 9am", null)]                 // already in next week
    [InlineData("next thursday 9am", null)]
    [InlineData("friday 9am", null)]
    [InlineData("friday next week 9am", null)]
    [InlineData("friday week 9am", null)]
    [InlineData("dec 4 9am", null)]
    public void Next_weekday_still_in_this_week_offers_the_week_later_reading(string text, string? other)
    {
        Assert.True(WhenParser.TryRead(text, Now, out var when), text);
        Assert.Equal(other is null ? null : DateTime.Parse(other, System.Globalization.CultureInfo.InvariantCulture), when.OtherReading);
    }

    [Fact]
    public void Spans_count_from_the_minute_it_is_now()
    {
        var now = new DateTime(2026, 11, 26, 10, 7, 42);
        AssertParses("in 30 minutes", "2026-11-26 10:37", now);
        AssertParses("same time tomorrow", "2026-11-27 10:07", now);
    }

    [Fact]
    public void No_input_up_to_the_message_limit_throws()
    {
        // Random text built from the pieces the grammar knows, so deep paths are reached, plus raw characters.
        var pieces = new[]
        {
            "tomorrow", "tmr", "at", "@", "in", "the", "day", "after", "week", "next", "this", "fri", "friday", "dec", "dec.",
            "12", "6", "30", "2026", "9999", "999999999", "/", ".", ":", "h", "am", "p.m.", "pm", "p", "a", "o'clock", "half", "past",
            "quarter", "to", "noon", "midnight", "morning", "evening", "night", "tonight", "same", "time", "hours", "minutes",
            "12th", "of", ",", "-", "six", "twelve", "and", "an", "’", "\u00e9", " ", "  ",
        };
        var random = new Random(20261126);
        var nows = new[] { Now, new DateTime(9999, 12, 31, 23, 59, 0), new DateTime(1, 1, 1, 0, 0, 0) };
        for (var i = 0; i < 3000; i++)
        {
            var text = new System.Text.StringBuilder();
            var length = random.Next(i % 10 == 0 ? 2000 : 40);
            while (text.Length < length)
            {
                if (random.Next(4) == 0)
                {
                    text.Append((char)random.Next(32, 0x2100));
                }
                else
                {
                    text.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "" : " ");
                }
            }

            var input = text.ToString()[..Math.Min(text.Length, 2000)];
            foreach (var now in nows)
            {
                var ex = Record.Exception(() => (WhenParser.TryRead(input, now, out _, out _), WhenParser.TryReadDay(input, now, null, out _)));
                Assert.True(ex is null, $"\"{input}\" at {now:O} threw {ex}");
            }
        }
    }

    [Theory]
    [InlineData("tmrw", "2026-11-27", "18:00")]
    [InlineData("today", "2026-11-26", "18:00")]
    [InlineData("thursday", "2026-11-26", "18:00")]       // today: the time is not known yet
    [InlineData("next thursday", "2026-12-03", "18:00")]
    [InlineData("friday morning", "2026-11-27", "09:00")]
    [InlineData("tomorrow afternoon", "2026-11-27", "14:00")]
    [InlineData("this evening", "2026-11-26", "19:00")]
    public void A_day_without_a_time_is_read_as_a_day_with_a_time_that_fits_it(string text, string date, string typical)
    {
        Assert.True(WhenParser.TryReadDay(text, Now, null, out var day), text);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), day.Date);
        Assert.Equal(TimeOnly.Parse(typical, System.Globalization.CultureInfo.InvariantCulture), day.TypicalTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("banana")]
    [InlineData("tomorrow 6pm")]   // has a time: TryRead's
    [InlineData("nov 20")]         // passed: the caller's usual question
    [InlineData("2026-11-01")]
    [InlineData("fri dec 12")]     // the 12th is a Saturday
    [InlineData("12/03")]
    public void Not_a_day_without_a_time(string text)
    {
        Assert.False(WhenParser.TryReadDay(text, Now, null, out _));
    }

    [Fact]
    public void Null_text_is_rejected()
    {
        Assert.False(WhenParser.TryParse(null!, Now, out _));
    }

    [Fact]
    public void Far_relative_dates_parse_without_throwing()
    {
        // Representable, so accepted; how far ahead is sensible is the caller's call.
        Assert.True(WhenParser.TryParse("in 1000000 days at 5pm", Now, out var local));
        Assert.Equal(Now.Date.AddDays(1_000_000).AddHours(17), local);
    }

    [Theory]
    [InlineData("tomorrow 9am")]
    [InlineData("in 1 day 9am")]
    [InlineData("in 1000000 days at 5pm")]
    [InlineData("next friday 9am")]
    [InlineData("friday 9am")]
    [InlineData("9am")]
    [InlineData("midnight")]
    [InlineData("tonight midnight")]
    [InlineData("jan 2 9am")]
    [InlineData("feb 29 9am")]
    [InlineData("tomorrow friday 9am")]
    public void At_the_end_of_the_calendar_nothing_throws(string text)
    {
        var endOfTime = new DateTime(9999, 12, 31, 23, 0, 0); // a Friday
        Assert.False(WhenParser.TryParse(text, endOfTime, out _));
    }

    [Fact]
    public void At_the_end_of_the_calendar_today_still_works()
    {
        AssertParses("today 11:30pm", "9999-12-31 23:30", new DateTime(9999, 12, 31, 23, 0, 0));
        AssertParses("fri 11:30pm", "9999-12-31 23:30", new DateTime(9999, 12, 31, 23, 0, 0));
    }

    [Fact]
    public void LocalNow_kind_does_not_leak_into_the_result()
    {
        var utcNow = DateTime.SpecifyKind(Now, DateTimeKind.Utc);
        Assert.True(WhenParser.TryParse("tomorrow 6pm", utcNow, out var local));
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
        Assert.Equal(new DateTime(2026, 11, 27, 18, 0, 0), local);
    }

    [Fact]
    public void Every_example_parses()
    {
        Assert.NotEmpty(WhenParser.Examples);
        foreach (var example in WhenParser.Examples)
        {
            Assert.True(WhenParser.TryParse(example, Now, out _), example);
        }
    }

    [Fact]
    public void The_longest_parsing_prefix_splits_when_from_place()
    {
        // How callers use the strictness: "<when> at <place>".
        var words = "tomorrow at 6pm at the corner cafe".Split(' ');
        var found = Enumerable.Range(1, words.Length).Reverse()
            .Select(n => (n, ok: WhenParser.TryParse(string.Join(' ', words[..n]), Now, out var at), at))
            .First(x => x.ok);

        Assert.Equal(3, found.n);
        Assert.Equal(new DateTime(2026, 11, 27, 18, 0, 0), found.at);
    }
}
