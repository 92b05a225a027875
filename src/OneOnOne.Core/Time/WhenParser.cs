using System.Diagnostics.CodeAnalysis;

namespace OneOnOne.Core.Time;

/// <summary>
/// Parses the small set of natural date/time phrases organizers type ("tomorrow 6pm",
/// "next friday 9am", "dec 3 at 6:30pm") into a wall-clock time in their own zone.
/// </summary>
/// <remarks>
/// <para>Grammar (case-insensitive; spaces and commas are separators):</para>
/// <code>
/// when  := day? time | time day?
/// time  := "at"? clock
/// clock := H[:MM] am|pm | H:MM | HHhMM | noon | midday | midnight | H   (bare H: see below)
/// day   := today | tonight | tomorrow | tmrw
///        | ("on" | "this" | "next")? weekday
///        | in N|a|an day(s)|week(s)
///        | "on"? month D[st|nd|rd|th] YYYY? | "on"? D[st|nd|rd|th] "of"? month YYYY?
///        | YYYY-MM-DD "T"?
/// </code>
/// <para>Rules chosen so results are predictable:</para>
/// <list type="bullet">
/// <item>A time is required: "tomorrow" alone fails, so the caller can ask for one.</item>
/// <item>The whole text must be consumed; callers find "&lt;when&gt; at &lt;place&gt;" by trying prefixes.</item>
/// <item>No day: the next occurrence of that time (today if still ahead, else tomorrow).</item>
/// <item><c>friday</c> / <c>this friday</c> / <c>on friday</c>: the next Friday, today included if the time is still ahead.</item>
/// <item><c>next friday</c>: the first Friday strictly after today (1 to 7 days ahead, never today).
///   On a Thursday that is tomorrow, the same as "friday"; we prefer this to guessing what "next week" means.</item>
/// <item>Month-day without a year: this year if the date is today or later (compared by date only, so "dec 3 9am"
///   typed at 10am on Dec 3 stays today). A date earlier this year is read as that past date when it is within the
///   last six months: "dec 1" typed on Dec 3 is far more likely a slip than a plan for next December, so the result
///   says so (<see cref="ParsedWhen.Passed"/>) and the caller asks instead of silently moving it a year on. Further
///   back, it is the first later year where the date exists ("jan 5" typed in December is next January).</item>
/// <item>Explicit dates ("2026-12-03", "today 9am") may be in the past; the caller decides what to say.</item>
/// <item>Numeric slash dates ("12/03") are rejected: US and EU readings differ.</item>
/// <item>A bare hour ("6") is accepted only after "at" or together with "tonight", because alone it is too easily
///   a typo or part of a place. After "at" we read it as a working-hours time: 1–7 → pm, 8–12 → as written (am / noon),
///   0 and 13–23 → 24-hour clock. With "tonight", any hour 1–11 written without am/pm (bare or H:MM) means pm;
///   "tonight" with an explicit "am" or a bare 12 fails as contradictory or ambiguous.</item>
/// <item><c>midnight</c> is 00:00 at the start of the named day; alone or with "tonight" it is the coming midnight.</item>
/// </list>
/// </remarks>
public static class WhenParser
{
    /// <summary>Phrases that parse, for "try something like…" messages.</summary>
    public static IReadOnlyList<string> Examples { get; } =
    [
        "tomorrow 6pm",
        "tue 18:30",
        "next friday 9am",
        "in 3 days at noon",
        "dec 3 6:30pm",
        "2026-12-03 18:00",
    ];

    /// <summary>
    /// Parses <paramref name="text"/> relative to <paramref name="localNow"/> (the organizer's wall clock).
    /// On success <paramref name="local"/> is a wall-clock time in the same zone, Kind Unspecified.
    /// Never throws.
    /// </summary>
    public static bool TryParse(string text, DateTime localNow, out DateTime local)
    {
        var parsed = TryRead(text, localNow, out var when);
        local = when?.Local ?? default;
        return parsed;
    }

    /// <summary>
    /// Like <see cref="TryParse"/>, and also tells whether a month-day typed
    /// without a year was read as a date that has already passed (see <see cref="ParsedWhen.Passed"/>).
    /// </summary>
    public static bool TryRead(string text, DateTime localNow, [NotNullWhen(true)] out ParsedWhen? when)
    {
        when = null;
        if (string.IsNullOrWhiteSpace(text) || Tokenize(text) is not { Count: > 0 } tokens)
        {
            return false;
        }

        var now = DateTime.SpecifyKind(localNow, DateTimeKind.Unspecified);

        // Day first ("tomorrow 6pm"), else time first ("6pm tomorrow", or just "6pm").
        var reader = new Reader(tokens);
        if (TryDay(reader, now, out var day) && TryTime(reader, out var clock, out var afterAt) && reader.AtEnd
            && TryResolve(day, clock, afterAt, now, out when))
        {
            return true;
        }

        reader = new Reader(tokens);
        if (TryTime(reader, out clock, out afterAt))
        {
            var noDay = new Day(DayKind.Next, default, default);
            if (reader.AtEnd)
            {
                return TryResolve(noDay, clock, afterAt, now, out when);
            }

            if (TryDay(reader, now, out day) && reader.AtEnd)
            {
                return TryResolve(day, clock, afterAt, now, out when);
            }
        }

        return false;
    }

    // ---- Tokens -------------------------------------------------------------------------------------

    private enum TokenKind { Word, Number, Symbol }

    /// <summary>A run of ASCII letters, a run of digits, or a single other character.</summary>
    /// <param name="End">Where the token ends in the text, so a year can be suggested in the right place.</param>
    private readonly record struct Token(TokenKind Kind, string Text, int End)
    {
        /// <summary>The numeric value, or -1 when too long to matter (fails every range check).</summary>
        public int Value => Kind == TokenKind.Number && Text.Length <= 9 ? int.Parse(Text) : -1;
    }

    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var s = text.ToLowerInvariant();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c))
            {
                while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
                tokens.Add(new Token(TokenKind.Word, s[start..i], i));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                tokens.Add(new Token(TokenKind.Number, s[start..i], i));
            }
            else
            {
                // Kept as a token so unknown punctuation ("/", "-3", ".") makes the parse fail
                // instead of being silently ignored.
                i++;
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), i));
            }
        }

        return tokens;
    }

    /// <summary>A cursor over the tokens; parse functions restore <see cref="Pos"/> when they fail.</summary>
    private sealed class Reader(List<Token> tokens)
    {
        public int Pos { get; set; }

        public bool AtEnd => Pos >= tokens.Count;

        public Token? Peek() => Pos < tokens.Count ? tokens[Pos] : null;

        /// <summary>Where the last consumed token ends in the text.</summary>
        public int ConsumedUpTo => Pos > 0 ? tokens[Pos - 1].End : 0;

        /// <summary>Consumes the next token if it is one of <paramref name="words"/>.</summary>
        public bool Word(params string[] words)
        {
            if (Peek() is { Kind: TokenKind.Word } t && words.Contains(t.Text))
            {
                Pos++;
                return true;
            }

            return false;
        }

        public bool Symbol(char c)
        {
            if (Peek() is { Kind: TokenKind.Symbol } t && t.Text[0] == c)
            {
                Pos++;
                return true;
            }

            return false;
        }

        /// <summary>Consumes a number written with between <paramref name="minDigits"/> and <paramref name="maxDigits"/> digits.</summary>
        public bool Number(int minDigits, int maxDigits, out int value)
        {
            value = 0;
            if (Peek() is { Kind: TokenKind.Number } t && t.Text.Length >= minDigits && t.Text.Length <= maxDigits)
            {
                value = t.Value;
                Pos++;
                return true;
            }

            return false;
        }
    }

    // ---- Days ---------------------------------------------------------------------------------------

    private enum DayKind
    {
        /// <summary>A fixed calendar date.</summary>
        Date,
        /// <summary>Today, with "tonight"'s pm bias.</summary>
        Tonight,
        /// <summary>The next occurrence of the time, today included if still ahead.</summary>
        Next,
        /// <summary>The next given weekday, today included if the time is still ahead.</summary>
        Weekday,
        /// <summary>The given weekday strictly after today.</summary>
        NextWeekday,
    }

    /// <param name="Passed">For a month-day without a year read as a recent past date: the same date a year on,
    /// and where in the text the year would go.</param>
    private readonly record struct Day(DayKind Kind, DateOnly Date, DayOfWeek Weekday, (DateOnly NextYear, int YearAt)? Passed = null);

    /// <summary>How far back a month-day without a year is still read as this year's (past) date.</summary>
    private const int RecentPastMonths = 6;

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new()
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday,
        ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = new()
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    private static bool TryDay(Reader r, DateTime now, out Day day)
    {
        var start = r.Pos;
        var today = DateOnly.FromDateTime(now);
        day = default;

        if (r.Word("today"))
        {
            day = new Day(DayKind.Date, today, default);
            return true;
        }

        if (r.Word("tonight"))
        {
            day = new Day(DayKind.Tonight, today, default);
            return true;
        }

        if (today < DateOnly.MaxValue && r.Word("tomorrow", "tmrw"))
        {
            day = new Day(DayKind.Date, today.AddDays(1), default);
            return true;
        }

        if (TryRelative(r, today, out day) || TryIsoDate(r, out day))
        {
            return true;
        }

        // "friday", "on friday", "this friday", "next friday".
        var kind = r.Word("next") ? DayKind.NextWeekday : DayKind.Weekday;
        if (kind == DayKind.Weekday)
        {
            r.Word("on", "this");
        }

        if (r.Peek() is { Kind: TokenKind.Word } w && Weekdays.TryGetValue(w.Text, out var weekday))
        {
            r.Pos++;
            day = new Day(kind, default, weekday);
            return true;
        }

        // "dec 3", "on dec 3"; "this"/"next" only go with weekdays.
        r.Pos = start;
        r.Word("on");
        if (TryMonthDay(r, today, out day))
        {
            return true;
        }

        r.Pos = start;
        return false;
    }

    /// <summary>"in 3 days", "in 2 weeks", "in a week".</summary>
    private static bool TryRelative(Reader r, DateOnly today, out Day day)
    {
        var start = r.Pos;
        day = default;
        if (r.Word("in"))
        {
            var count = r.Word("a", "an") ? 1 : r.Number(1, 9, out var n) ? n : -1;
            var perUnit = r.Word("day", "days") ? 1 : r.Word("week", "weeks") ? 7 : 0;
            var days = (long)count * perUnit;
            // Guarding against DateOnly overflow keeps "in 1000000000 days" a plain "no".
            if (count >= 0 && perUnit > 0 && days <= DateOnly.MaxValue.DayNumber - today.DayNumber)
            {
                day = new Day(DayKind.Date, today.AddDays((int)days), default);
                return true;
            }
        }

        r.Pos = start;
        return false;
    }

    /// <summary>"2026-12-03" (digits only; "12/03" is rejected because US and EU readings differ).</summary>
    private static bool TryIsoDate(Reader r, out Day day)
    {
        var start = r.Pos;
        day = default;
        if (r.Number(4, 4, out var year) && r.Symbol('-') && r.Number(1, 2, out var month) && r.Symbol('-')
            && r.Number(1, 2, out var dayOfMonth) && TryDate(year, month, dayOfMonth, out var date))
        {
            r.Word("t"); // ISO 8601 "2026-12-03T18:00"; the time itself is still required after it.
            day = new Day(DayKind.Date, date, default);
            return true;
        }

        r.Pos = start;
        return false;
    }

    /// <summary>"dec 3", "december 3rd 2026", "3 dec", "3rd of december".</summary>
    private static bool TryMonthDay(Reader r, DateOnly today, out Day day)
    {
        var start = r.Pos;
        day = default;
        if (!TryMonthThenDay(r, out var month, out var dayOfMonth))
        {
            r.Pos = start;
            if (!TryDayThenMonth(r, out month, out dayOfMonth))
            {
                r.Pos = start;
                return false;
            }
        }

        if (r.Number(4, 4, out var year))
        {
            if (TryDate(year, month, dayOfMonth, out var explicitDate))
            {
                day = new Day(DayKind.Date, explicitDate, default);
                return true;
            }
        }
        else
        {
            var yearAt = r.ConsumedUpTo;
            var ahead = FirstFrom(today, month, dayOfMonth);
            if (TryDate(today.Year, month, dayOfMonth, out var thisYear) && thisYear < today
                && thisYear >= today.AddMonths(-RecentPastMonths))
            {
                // Recently passed: keep the date as typed and let the caller ask (see the remarks).
                day = new Day(DayKind.Date, thisYear, default, ahead is { } next ? (next, yearAt) : null);
                return true;
            }

            if (ahead is { } date)
            {
                day = new Day(DayKind.Date, date, default);
                return true;
            }
        }

        r.Pos = start;
        return false;
    }

    /// <summary>
    /// The first date with this month and day that is not before <paramref name="today"/>
    /// (eight years covers Feb 29 across a skipped leap year such as 2100).
    /// </summary>
    private static DateOnly? FirstFrom(DateOnly today, int month, int dayOfMonth)
    {
        for (var y = today.Year; y <= Math.Min(today.Year + 8, DateOnly.MaxValue.Year); y++)
        {
            if (TryDate(y, month, dayOfMonth, out var date) && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    private static bool TryMonthThenDay(Reader r, out int month, out int dayOfMonth)
    {
        dayOfMonth = 0;
        return TryMonth(r, out month) && TryDayOfMonth(r, out dayOfMonth);
    }

    private static bool TryDayThenMonth(Reader r, out int month, out int dayOfMonth)
    {
        month = 0;
        if (!TryDayOfMonth(r, out dayOfMonth))
        {
            return false;
        }

        r.Word("of");
        return TryMonth(r, out month);
    }

    private static bool TryMonth(Reader r, out int month)
    {
        month = 0;
        if (r.Peek() is { Kind: TokenKind.Word } t && Months.TryGetValue(t.Text, out month))
        {
            r.Pos++;
            return true;
        }

        return false;
    }

    /// <summary>"3" or "3rd"; the suffix is not checked against the number ("3th" is harmless).</summary>
    private static bool TryDayOfMonth(Reader r, out int dayOfMonth)
    {
        if (r.Number(1, 2, out dayOfMonth))
        {
            r.Word("st", "nd", "rd", "th");
            return true;
        }

        return false;
    }

    private static bool TryDate(int year, int month, int dayOfMonth, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || dayOfMonth < 1
            || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    // ---- Times --------------------------------------------------------------------------------------

    private enum ClockForm { Am, Pm, TwentyFour, Bare, Noon, Midnight }

    /// <summary>A time as written; the hour is interpreted later, once we know about "at" and "tonight".</summary>
    private readonly record struct Clock(int Hour, int Minute, ClockForm Form);

    private static bool TryTime(Reader r, out Clock clock, out bool afterAt)
    {
        var start = r.Pos;
        afterAt = r.Word("at");
        if (TryClock(r, out clock))
        {
            return true;
        }

        r.Pos = start;
        return false;
    }

    private static bool TryClock(Reader r, out Clock clock)
    {
        var start = r.Pos;
        clock = default;
        if (r.Word("noon", "midday"))
        {
            clock = new Clock(12, 0, ClockForm.Noon);
            return true;
        }

        if (r.Word("midnight"))
        {
            clock = new Clock(0, 0, ClockForm.Midnight);
            return true;
        }

        if (!r.Number(1, 2, out var hour))
        {
            return false;
        }

        var minute = 0;
        var separator = r.Symbol(':') ? ':' : r.Word("h") ? 'h' : ' ';
        if (separator != ' ' && (!r.Number(2, 2, out minute) || minute > 59))
        {
            r.Pos = start;
            return false;
        }

        // "18h30" is a 24-hour convention, so only "6" and "6:30" may take am/pm.
        if (separator != 'h' && r.Word("am"))
        {
            clock = new Clock(hour, minute, ClockForm.Am);
        }
        else if (separator != 'h' && r.Word("pm"))
        {
            clock = new Clock(hour, minute, ClockForm.Pm);
        }
        else
        {
            clock = new Clock(hour, minute, separator == ' ' ? ClockForm.Bare : ClockForm.TwentyFour);
        }

        return true;
    }

    /// <summary>Turns the written clock into an hour of the day, applying the "at" / "tonight" rules.</summary>
    private static bool TryHourOfDay(Clock clock, bool afterAt, bool tonight, out int hour)
    {
        hour = -1;
        switch (clock.Form)
        {
            case ClockForm.Am when !tonight && clock.Hour is >= 1 and <= 12:
                hour = clock.Hour % 12;
                break;
            case ClockForm.Pm when clock.Hour is >= 1 and <= 12:
                hour = clock.Hour % 12 + 12;
                break;
            case ClockForm.TwentyFour when clock.Hour <= 23:
                hour = tonight && clock.Hour is >= 1 and <= 11 ? clock.Hour + 12 : clock.Hour;
                break;
            case ClockForm.Bare when tonight && clock.Hour <= 23 && clock.Hour is not (0 or 12):
                hour = clock.Hour <= 11 ? clock.Hour + 12 : clock.Hour;
                break;
            case ClockForm.Bare when afterAt && !tonight && clock.Hour <= 23:
                hour = clock.Hour is >= 1 and <= 7 ? clock.Hour + 12 : clock.Hour;
                break;
            case ClockForm.Noon or ClockForm.Midnight:
                hour = clock.Hour;
                break;
        }

        return hour >= 0;
    }

    // ---- Putting day and time together --------------------------------------------------------------

    private static bool TryResolve(Day day, Clock clock, bool afterAt, DateTime now, [NotNullWhen(true)] out ParsedWhen? when)
    {
        when = null;
        var tonight = day.Kind == DayKind.Tonight;
        if (!TryHourOfDay(clock, afterAt, tonight, out var hour))
        {
            return false;
        }

        var time = new TimeOnly(hour, clock.Minute);
        var today = DateOnly.FromDateTime(now);

        // Only "tonight" moves midnight to the end of the day; "today midnight" is 00:00 today as written.
        var date = day.Kind switch
        {
            DayKind.Date => day.Date,
            DayKind.Tonight when clock.Form == ClockForm.Midnight => NextDay(today),
            DayKind.Tonight => today,
            DayKind.Next => today.ToDateTime(time) > now ? today : NextDay(today),
            DayKind.Weekday => NextWeekday(today, day.Weekday, todayAllowed: today.ToDateTime(time) > now),
            DayKind.NextWeekday => NextWeekday(today, day.Weekday, todayAllowed: false),
            _ => (DateOnly?)null,
        };

        if (date is null)
        {
            return false;
        }

        var passed = day.Passed is var (nextYear, yearAt)
            ? new PassedDate(date.Value.ToDateTime(time, DateTimeKind.Unspecified), nextYear.ToDateTime(time, DateTimeKind.Unspecified), yearAt)
            : null;
        when = new ParsedWhen(date.Value.ToDateTime(time, DateTimeKind.Unspecified), passed);
        return true;
    }

    private static DateOnly? NextDay(DateOnly date) => date < DateOnly.MaxValue ? date.AddDays(1) : null;

    private static DateOnly? NextWeekday(DateOnly today, DayOfWeek weekday, bool todayAllowed)
    {
        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        if (ahead == 0 && !todayAllowed)
        {
            ahead = 7;
        }

        return today.DayNumber + ahead <= DateOnly.MaxValue.DayNumber ? today.AddDays(ahead) : null;
    }
}
