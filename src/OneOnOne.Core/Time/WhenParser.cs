using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OneOnOne.Core.Time;

/// <summary>
/// Parses the small set of natural date/time phrases organizers type ("tomorrow 6pm",
/// "next friday 9am", "dec 3 at 6:30pm") into a wall-clock time in their own zone.
/// </summary>
/// <remarks>
/// <para>Grammar (case-insensitive; spaces and commas are separators):</para>
/// <code>
/// when  := day? time | time day? | "in" N hours|minutes ("and"? N minutes)? | "in half an hour"
/// time  := ("at" | "@")? clock ("in the" morning|afternoon|evening | "at night")?
/// clock := H[:MM] am|pm | H.MM am|pm | H:MM | HHhMM | noon | midday | midnight | 12 noon | H o'clock
///        | half past H | (a)? quarter past|to H | (the)? same time | H   (bare H: see below)
///        (am/pm may be written a.m., p.m., a, p; H may be a word from one to twelve)
/// day   := (today | tonight | tomorrow (and its typos) | (the)? day after tomorrow | this morning|afternoon|evening
///        | ("on" | "this" | "next")? weekday | weekday week | weekday next week | next week "on"? weekday
///        | weekday date (checked: the date must be on that weekday)
///        | in N|a|an day(s)|week(s)
///        | "on"? "the"? date | YYYY-MM-DD "T"?) ("in the"? morning|afternoon|evening|night)?
/// date  := month "."? D[st|nd|rd|th] YYYY? | D[st|nd|rd|th] "of"? month "."? YYYY? | D/M[/YYYY] | "the"? Dst|nd|rd|th
/// </code>
/// <para>Rules chosen so results are predictable:</para>
/// <list type="bullet">
/// <item>A time is required: "tomorrow" alone fails, so the caller can ask for one. A part of the day is not a time:
///   "monday morning" fails too (a default hour would be a guess).</item>
/// <item>The whole text must be consumed (a trailing full stop is ignored); callers find "&lt;when&gt; at &lt;place&gt;" by trying prefixes.</item>
/// <item>No day: the next occurrence of that time (today if still ahead, else tomorrow).</item>
/// <item><c>friday</c> / <c>this friday</c> / <c>on friday</c>: the next Friday, today included if the time is still ahead.</item>
/// <item><c>next friday</c>: the first Friday strictly after today (1 to 7 days ahead, never today).
///   On a Thursday that is tomorrow, the same as "friday"; we prefer this to guessing what "next week" means.</item>
/// <item><c>friday week</c>: seven days after the coming Friday (today's Friday counts). <c>friday next week</c>: the Friday
///   of the Monday-to-Sunday week after this one.</item>
/// <item>Month-day without a year: this year if the date is today or later (compared by date only, so "dec 3 9am"
///   typed at 10am on Dec 3 stays today). A date earlier this year is read as that past date when it is within the
///   last six months: "dec 1" typed on Dec 3 is far more likely a slip than a plan for next December, so the result
///   says so (<see cref="ParsedWhen.Passed"/>) and the caller asks instead of silently moving it a year on. Further
///   back, it is the first later year where the date exists ("jan 5" typed in December is next January).</item>
/// <item>An ordinal alone ("the 12th", "12th"; the suffix is required) is this month's, or the next month's that has it once passed.</item>
/// <item>Explicit dates ("2026-12-03", "today 9am") may be in the past; the caller decides what to say.</item>
/// <item>Numeric slash dates are read when one part is over 12 (that part is the day: "25/12", "12/25") or both
///   are equal ("12/12"). Otherwise ("12/03") they are read by the organizer's <see cref="DateOrder"/> when one is given,
///   and refused with a <see cref="TryRead(string, DateTime, out ParsedWhen?, out string?)">problem</see> saying it could
///   be either when not (the caller may then ask, reading it both ways). A weekday before a date that is not on that
///   weekday is refused the same way.</item>
/// <item>"6.30" needs am/pm ("6.30pm"): alone, "12.03" is as likely a date as a time.</item>
/// <item>"6:30" with a one-digit hour 1–7 and no am/pm is read as "at 6" is (18:30), unless a part of the day says
///   otherwise ("tomorrow morning at 6:30"); "06:30" and "18:30" are the 24-hour clock as written.</item>
/// <item>A bare hour ("6") is read only after "at", after a day said in words ("tuesday 6", "tomorrow 6"), with
///   "o'clock", or with a part of the day; alone it is too easily a typo or part of a place, and after a numeric date
///   ("dec 3 6") too easily a typo. Read as a working-hours time: 1–7 → pm, 8–12 → as written (am / noon), 0 and
///   13–23 → 24-hour clock. With "tonight" / evening / night, any hour 1–11 without am/pm means pm, and an explicit
///   "am" or a bare 12 fails as contradictory or ambiguous. With morning, 1–11 is am; with afternoon, 1–7 is pm
///   and 12 is noon; anything else fails.</item>
/// <item><c>midnight</c> is 00:00 at the start of the named day; alone or with "tonight" it is the coming midnight.</item>
/// <item>"in 2 hours" / "in 30 minutes" count from the current minute; "same time" is the current hour and minute
///   and needs a day ("same time tomorrow").</item>
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
    public static bool TryRead(string text, DateTime localNow, [NotNullWhen(true)] out ParsedWhen? when) =>
        TryRead(text, localNow, out when, out _);

    /// <summary>
    /// Like <see cref="TryRead(string, DateTime, out ParsedWhen?)"/>; when the text is refused because it says two things
    /// that disagree ("Fri Dec 12" when the 12th is a Saturday) or could mean two dates ("12/03"), <paramref name="problem"/>
    /// says so in a sentence to show the organizer instead of the usual examples.
    /// </summary>
    public static bool TryRead(string text, DateTime localNow, [NotNullWhen(true)] out ParsedWhen? when, out string? problem) =>
        TryRead(text, localNow, null, out when, out problem);

    /// <summary>
    /// Like <see cref="TryRead(string, DateTime, out ParsedWhen?, out string?)"/>, reading a slash date that could be
    /// either way round ("12/03") by <paramref name="slashOrder"/>, the organizer's convention; with none, it is refused.
    /// </summary>
    public static bool TryRead(
        string text, DateTime localNow, DateOrder? slashOrder, [NotNullWhen(true)] out ParsedWhen? when, out string? problem)
    {
        when = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || Tokenize(text) is not { Count: > 0 } tokens)
        {
            return false;
        }

        var now = DateTime.SpecifyKind(localNow, DateTimeKind.Unspecified);

        // "in 2 hours", "in 30 minutes": a span from now, not a day and a time.
        var reader = new Reader(tokens, slashOrder);
        if (TrySpan(reader, now, out var soon) && reader.AtEnd)
        {
            when = new ParsedWhen(soon, null);
            return true;
        }

        // Day first ("tomorrow 6pm"), else time first ("6pm tomorrow", or just "6pm").
        reader = new Reader(tokens, slashOrder);
        if (TryDay(reader, now, out var day) && TryTime(reader, now, out var clock, out var afterAt) && reader.AtEnd
            && TryResolve(day, clock, afterAt, now, out when))
        {
            return true;
        }

        problem = reader.Problem;
        reader = new Reader(tokens, slashOrder);
        if (TryTime(reader, now, out clock, out afterAt))
        {
            var noDay = new Day(DayKind.Next, default, default);
            if (reader.AtEnd ? TryResolve(noDay, clock, afterAt, now, out when)
                : TryDay(reader, now, out day) && reader.AtEnd && TryResolve(day, clock, afterAt, now, out when))
            {
                problem = null;
                return true;
            }
        }

        problem ??= reader.Problem;
        return false;
    }

    /// <summary>
    /// Reads a day said without a time ("tomorrow", "next tuesday", "dec 12", "monday morning"), so a caller that needs
    /// a time can ask for one on that day (and read the answer with <see cref="TryReadTimeOn"/>).
    /// A month-day that has already passed this year is not read: the caller's usual refusal handles it.
    /// </summary>
    public static bool TryReadDay(string text, DateTime localNow, DateOrder? slashOrder, [NotNullWhen(true)] out ParsedDay? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text) || Tokenize(text) is not { Count: > 0 } tokens)
        {
            return false;
        }

        var now = DateTime.SpecifyKind(localNow, DateTimeKind.Unspecified);
        var today = DateOnly.FromDateTime(now);
        var reader = new Reader(tokens, slashOrder);
        if (!TryDay(reader, now, out var read) || !reader.AtEnd || read.Passed is not null)
        {
            return false;
        }

        DateOnly? date = read.Kind switch
        {
            DayKind.Date or DayKind.Tonight => read.Date,
            DayKind.Weekday => NextWeekday(today, read.Weekday, todayAllowed: true),
            DayKind.NextWeekday => NextWeekday(today, read.Weekday, todayAllowed: false),
            _ => null,
        };

        if (date is not { } found || found < today)
        {
            return false;
        }

        day = new ParsedDay(found, read.Part);
        return true;
    }

    /// <summary>
    /// For a text refused because its slash date reads two ways ("12/03 6pm", "12/03"): the date it gives read day first
    /// and read month first, so the caller can ask which. False when the text has no such date or fails either way.
    /// </summary>
    public static bool TryReadBothWays(string text, DateTime localNow, out DateOnly dayFirst, out DateOnly monthFirst)
    {
        dayFirst = monthFirst = default;
        if (DateOf(text, localNow, DateOrder.DayFirst) is not { } a || DateOf(text, localNow, DateOrder.MonthFirst) is not { } b || a == b)
        {
            return false;
        }

        (dayFirst, monthFirst) = (a, b);
        return true;
    }

    private static DateOnly? DateOf(string text, DateTime localNow, DateOrder order) =>
        TryRead(text, localNow, order, out var when, out _) ? DateOnly.FromDateTime(when.Local)
        : TryReadDay(text, localNow, order, out var day) ? day.Date
        : null;

    /// <summary>
    /// Reads the answer to "What time on <paramref name="day"/>?": a time ("6pm", "18:30", "half past six", a bare "6"
    /// as after "at", read with the part of the day said with the day), or a whole new day and time ("wed 7pm").
    /// Never throws.
    /// </summary>
    public static bool TryReadTimeOn(ParsedDay day, string text, DateTime localNow, [NotNullWhen(true)] out ParsedWhen? when)
    {
        when = null;
        if (string.IsNullOrWhiteSpace(text) || Tokenize(text) is not { Count: > 0 } tokens)
        {
            return false;
        }

        var now = DateTime.SpecifyKind(localNow, DateTimeKind.Unspecified);
        var reader = new Reader(tokens, null);
        if (TryTime(reader, now, out var clock, out _) && reader.AtEnd)
        {
            // The part of the day said first ("monday morning") reads a bare hour; a time that contradicts it ("6pm") wins.
            var said = new Day(DayKind.Date, day.Date, default, Part: day.Part, Spoken: true);
            return TryResolve(said, clock, afterAt: true, now, out when)
                   || (day.Part != DayPart.None && TryResolve(said with { Part = DayPart.None }, clock, afterAt: true, now, out when));
        }

        return TryRead(text, localNow, out when);
    }

    // ---- Tokens -------------------------------------------------------------------------------------

    private enum TokenKind { Word, Number, Symbol }

    /// <summary>A run of ASCII letters, a run of digits, or a single other character.</summary>
    /// <param name="End">Where the token ends in the text, so a year can be suggested in the right place.</param>
    private readonly record struct Token(TokenKind Kind, string Text, int End)
    {
        /// <summary>The numeric value, or -1 when too long to matter (fails every range check).</summary>
        public int Value => Kind == TokenKind.Number && Text.Length <= 9 ? int.Parse(Text, CultureInfo.InvariantCulture) : -1;
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
            if (c == '@')
            {
                // "tomorrow @ 6pm": the at sign is "at".
                i++;
                tokens.Add(new Token(TokenKind.Word, "at", i));
            }
            else if (char.IsAsciiLetter(c) && Spelling(s, i) is var (word, length))
            {
                i += length;
                tokens.Add(new Token(TokenKind.Word, word, i));
            }
            else if (char.IsAsciiLetter(c))
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

        // "6 pm." ends a sentence; the full stop is not part of the time.
        if (tokens.Count > 0 && tokens[^1] is { Kind: TokenKind.Symbol, Text: "." })
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens;
    }

    /// <summary>Words written with dots or an apostrophe ("p.m.", "o'clock"), read as one word when they stand alone.</summary>
    private static readonly (string Written, string Word)[] Spellings =
    [
        ("a.m.", "am"), ("p.m.", "pm"), ("a.m", "am"), ("p.m", "pm"), ("o'clock", "oclock"), ("o\u2019clock", "oclock"),
    ];

    private static (string Word, int Length)? Spelling(string s, int i)
    {
        foreach (var (written, word) in Spellings)
        {
            var end = i + written.Length;
            if (string.CompareOrdinal(s, i, written, 0, written.Length) == 0 && (end >= s.Length || !char.IsAsciiLetter(s[end])))
            {
                return (word, written.Length);
            }
        }

        return null;
    }

    /// <summary>A cursor over the tokens; parse functions restore <see cref="Pos"/> when they fail.</summary>
    private sealed class Reader(List<Token> tokens, DateOrder? slashOrder)
    {
        /// <summary>How to read "12/03"; null when the organizer has not said.</summary>
        public DateOrder? SlashOrder => slashOrder;

        public int Pos { get; set; }

        /// <summary>Why the text was refused, when it is worth saying (see <see cref="TryRead(string, DateTime, out ParsedWhen?, out string?)"/>).</summary>
        public string? Problem { get; set; }

        public bool AtEnd => Pos >= tokens.Count;

        public Token? Peek() => Pos < tokens.Count ? tokens[Pos] : null;

        /// <summary>The tokens from <paramref name="from"/> up to the cursor, joined as typed without spaces.</summary>
        public string Since(int from) => string.Concat(tokens.Skip(from).Take(Pos - from).Select(t => t.Text));

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
    /// <param name="Part">"morning", "evening"…: makes a bare hour unambiguous.</param>
    /// <param name="Spoken">Ends with a word ("tomorrow", "friday"), so a bare hour after it ("tuesday 6") is a time.</param>
    private readonly record struct Day(
        DayKind Kind, DateOnly Date, DayOfWeek Weekday, (DateOnly NextYear, int YearAt)? Passed = null,
        DayPart Part = DayPart.None, bool Spoken = false);

    private static readonly Dictionary<string, DayPart> Parts = new()
    {
        ["morning"] = DayPart.Morning, ["afternoon"] = DayPart.Afternoon,
        ["evening"] = DayPart.Evening, ["night"] = DayPart.Evening,
    };

    /// <summary>Common ways of typing "tomorrow" quickly or wrongly.</summary>
    private static readonly string[] Tomorrows =
        ["tomorrow", "tmrw", "tmr", "tmw", "tomorow", "tommorow", "tommorrow", "tomorrrow", "tomrrow", "tomoro", "tomorro"];

    private static readonly Dictionary<string, int> NumberWords = new()
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    };

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
        if (!TryBareDay(r, now, out day))
        {
            return false;
        }

        // "tomorrow morning", "friday night", "dec 12 in the afternoon".
        var start = r.Pos;
        r.Word("in");
        r.Word("the");
        if (r.Peek() is { Kind: TokenKind.Word } w && Parts.TryGetValue(w.Text, out var part) && day.Part == DayPart.None)
        {
            r.Pos++;
            day = day with { Part = part, Spoken = true };
        }
        else
        {
            r.Pos = start;
        }

        return true;
    }

    private static bool TryBareDay(Reader r, DateTime now, out Day day)
    {
        var start = r.Pos;
        var today = DateOnly.FromDateTime(now);
        day = default;

        if (r.Word("today"))
        {
            day = new Day(DayKind.Date, today, default, Spoken: true);
            return true;
        }

        if (r.Word("tonight"))
        {
            day = new Day(DayKind.Tonight, today, default, Part: DayPart.Evening, Spoken: true);
            return true;
        }

        // "this morning", "this afternoon", "this evening" (which is "tonight").
        if (r.Word("this") && r.Peek() is { Kind: TokenKind.Word } p && Parts.TryGetValue(p.Text, out var part) && p.Text != "night")
        {
            r.Pos++;
            day = part == DayPart.Evening
                ? new Day(DayKind.Tonight, today, default, Part: DayPart.Evening, Spoken: true)
                : new Day(DayKind.Date, today, default, Part: part, Spoken: true);
            return true;
        }

        r.Pos = start;

        // "day after tomorrow", "the day after tomorrow".
        r.Word("the");
        if (r.Word("day") && r.Word("after") && r.Word(Tomorrows))
        {
            return Spoken(Offset(today, 2), out day);
        }

        r.Pos = start;
        if (r.Word(Tomorrows))
        {
            return Spoken(Offset(today, 1), out day);
        }

        if (TryRelative(r, today, out day) || TryIsoDate(r, out day))
        {
            return true;
        }

        // "friday", "on friday", "this friday", "next friday", "friday week", "friday next week", "fri dec 11".
        var kind = r.Word("next") ? DayKind.NextWeekday : DayKind.Weekday;
        if (kind == DayKind.Weekday)
        {
            r.Word("on", "this");
        }

        if (TryWeekday(r, out var weekday))
        {
            if (kind == DayKind.Weekday && TryWeekdayThenDate(r, today, weekday, out day))
            {
                return true;
            }

            if (kind == DayKind.Weekday && r.Word("week"))
            {
                // "friday week": a week after the coming Friday (a week from today when today is Friday).
                return Spoken(Offset(NextWeekday(today, weekday, todayAllowed: true), 7), out day);
            }

            var next = r.Pos;
            if (kind == DayKind.Weekday && r.Word("next") && r.Word("week"))
            {
                return Spoken(InNextWeek(today, weekday), out day);
            }

            r.Pos = next;
            day = new Day(kind, default, weekday, Spoken: true);
            return true;
        }

        // "next week tuesday", "next week on tuesday".
        r.Pos = start;
        if (r.Word("next") && r.Word("week"))
        {
            r.Word("on");
            if (TryWeekday(r, out weekday))
            {
                return Spoken(InNextWeek(today, weekday), out day);
            }
        }

        // "dec 3", "on dec 3", "on the 3rd of december", "12/12", "the 12th"; "this"/"next" only go with weekdays.
        r.Pos = start;
        r.Word("on");
        r.Word("the");
        var dateAt = r.Pos;
        if (TryMonthDay(r, today, out day))
        {
            return true;
        }

        r.Pos = dateAt;
        if (TrySlashDate(r, today, out day) || TryOrdinal(r, today, out day))
        {
            return true;
        }

        r.Pos = start;
        return false;
    }

    private static bool Spoken(DateOnly? date, out Day day)
    {
        day = date is { } d ? new Day(DayKind.Date, d, default, Spoken: true) : default;
        return date is not null;
    }

    private static DateOnly? Offset(DateOnly? date, int days) =>
        date is { } d && (long)d.DayNumber + days <= DateOnly.MaxValue.DayNumber ? d.AddDays(days) : null;

    /// <summary>"tuesday next week": that weekday in the week (Monday to Sunday) after this one.</summary>
    private static DateOnly? InNextWeek(DateOnly today, DayOfWeek weekday) =>
        Offset(today, 7 - FromMonday(today.DayOfWeek) + FromMonday(weekday));

    /// <summary>Days since Monday: 0 for Monday, 6 for Sunday.</summary>
    private static int FromMonday(DayOfWeek d) => ((int)d + 6) % 7;

    private static bool TryWeekday(Reader r, out DayOfWeek weekday)
    {
        weekday = default;
        if (r.Peek() is { Kind: TokenKind.Word } w && Weekdays.TryGetValue(w.Text, out weekday))
        {
            r.Pos++;
            r.Symbol('.'); // "Fri."
            return true;
        }

        return false;
    }

    /// <summary>
    /// "Fri Dec 11", "Friday, December 11th", "fri the 11th", "fri 12/11": the date, when it is on that weekday.
    /// When it is not, the text is refused with a <see cref="Reader.Problem"/> naming both, rather than guessing which was meant.
    /// </summary>
    private static bool TryWeekdayThenDate(Reader r, DateOnly today, DayOfWeek weekday, out Day day)
    {
        var start = r.Pos;
        r.Word("the");
        var dateAt = r.Pos;
        if (!TryMonthDay(r, today, out day))
        {
            r.Pos = dateAt;
            if (!TrySlashDate(r, today, out day) && !TryOrdinal(r, today, out day))
            {
                r.Pos = start;
                return false;
            }
        }

        // A month-day that just passed: the weekday says which year was meant. This year's ("tue dec 1" on Thu 3 Dec
        // 2026) is the past date as typed, and no longer a slip to ask about; next year's ("wed dec 1") is next year's.
        if (day.Passed is var (nextYear, _))
        {
            day = nextYear.DayOfWeek == weekday && day.Date.DayOfWeek != weekday
                ? day with { Date = nextYear, Passed = null }
                : day with { Passed = null };
        }

        if (day.Date.DayOfWeek != weekday)
        {
            var date = day.Date.ToDateTime(TimeOnly.MinValue);
            r.Problem = $"{Zones.DescribeLocalDate(date, today.ToDateTime(TimeOnly.MinValue))} is a {day.Date.DayOfWeek}, not a {weekday}. " +
                        "Which day did you mean?";
            r.Pos = start;
            day = default;
            return false;
        }

        day = day with { Spoken = false };
        return true;
    }

    /// <summary>A count written as digits or as a word from one to twelve.</summary>
    private static bool TryCount(Reader r, out int count)
    {
        if (r.Number(1, 9, out count))
        {
            return true;
        }

        if (r.Peek() is { Kind: TokenKind.Word } w && NumberWords.TryGetValue(w.Text, out count))
        {
            r.Pos++;
            return true;
        }

        return false;
    }

    /// <summary>"in 3 days", "in 2 weeks", "in a week", "in two weeks".</summary>
    private static bool TryRelative(Reader r, DateOnly today, out Day day)
    {
        var start = r.Pos;
        day = default;
        if (r.Word("in"))
        {
            var count = r.Word("a", "an") ? 1 : TryCount(r, out var n) ? n : -1;
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

    /// <summary>
    /// "in 2 hours", "in 30 minutes", "in an hour", "in half an hour", "in 1 hour 30 minutes": now plus that,
    /// to the minute.
    /// </summary>
    private static bool TrySpan(Reader r, DateTime now, out DateTime at)
    {
        at = default;
        if (!r.Word("in"))
        {
            return false;
        }

        long minutes;
        if (r.Word("half"))
        {
            minutes = r.Word("an") && r.Word("hour") ? 30 : -1;
        }
        else
        {
            minutes = SpanPart(r);
            if (minutes > 0 && !r.AtEnd)
            {
                r.Word("and");
                var more = SpanPart(r);
                minutes = more > 0 ? minutes + more : -1;
            }
        }

        var from = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0);
        if (minutes <= 0 || minutes > (DateTime.MaxValue - from).TotalMinutes)
        {
            return false;
        }

        at = from.AddMinutes(minutes);
        return true;
    }

    /// <summary>"2 hours", "an hour", "30 minutes", "30 min": the minutes, or -1.</summary>
    private static long SpanPart(Reader r)
    {
        long count = r.Word("a", "an") ? 1 : TryCount(r, out var n) ? n : -1;
        var perUnit = r.Word("hour", "hours", "hr", "hrs") ? 60 : r.Word("minute", "minutes", "min", "mins") ? 1 : 0;
        return count > 0 && perUnit > 0 ? count * perUnit : -1;
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

        if (FinishMonthDay(r, today, month, dayOfMonth, out day))
        {
            return true;
        }

        r.Pos = start;
        return false;
    }

    /// <summary>After a month and day: an optional year, else this year's or the next (see the remarks).</summary>
    private static bool FinishMonthDay(Reader r, DateOnly today, int month, int dayOfMonth, out Day day)
    {
        day = default;
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

        return false;
    }

    /// <summary>
    /// "12/12", "25/12", "12/25", "12/25/2026": read when one part is over 12 (it must be the day), both are equal, or
    /// the organizer said how they write dates (<see cref="Reader.SlashOrder"/>). Otherwise "12/03" could be 12 March
    /// or 3 December, so it is refused with a <see cref="Reader.Problem"/> saying so.
    /// </summary>
    private static bool TrySlashDate(Reader r, DateOnly today, out Day day)
    {
        var start = r.Pos;
        day = default;
        if (!(r.Number(1, 2, out var first) && r.Symbol('/') && r.Number(1, 2, out var second)))
        {
            r.Pos = start;
            return false;
        }

        var afterDayMonth = r.Pos;
        if (r.Symbol('/') && !r.Number(4, 4, out _))
        {
            r.Pos = start;
            return false;
        }

        r.Pos = afterDayMonth;
        (int Month, int Day)? reading = (first, second) switch
        {
            _ when first == second => (first, second),
            _ when first > 12 && second <= 12 => (second, first),
            _ when second > 12 && first <= 12 => (first, second),
            _ when r.SlashOrder == DateOrder.DayFirst => (second, first),
            _ when r.SlashOrder == DateOrder.MonthFirst => (first, second),
            _ => null,
        };

        if (reading is not { } md)
        {
            if (first is >= 1 and <= 12 && second is >= 1 and <= 12)
            {
                var names = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
                r.Problem = $"“{r.Since(start)}” could be {second} {names[first - 1]} or {first} {names[second - 1]}. " +
                            $"Please write the month as a word, like `{second} {names[first - 1].ToLowerInvariant()}`, " +
                            "or tell me how you write dates: `dates day-first` or `dates month-first`.";
            }

            r.Pos = start;
            return false;
        }

        if (r.Symbol('/'))
        {
            if (r.Number(4, 4, out var year) && TryDate(year, md.Month, md.Day, out var date))
            {
                day = new Day(DayKind.Date, date, default);
                return true;
            }
        }
        else if (FinishMonthDay(r, today, md.Month, md.Day, out day))
        {
            return true;
        }

        r.Pos = start;
        return false;
    }

    /// <summary>"the 12th", "12th": this month's, or next month's when it has passed (today included).</summary>
    private static bool TryOrdinal(Reader r, DateOnly today, out Day day)
    {
        var start = r.Pos;
        day = default;
        if (r.Number(1, 2, out var dayOfMonth) && r.Word("st", "nd", "rd", "th") && dayOfMonth is >= 1 and <= 31)
        {
            var month = new DateOnly(today.Year, today.Month, 1);
            for (var i = 0; i < 3 && month.Year < DateOnly.MaxValue.Year; i++, month = month.AddMonths(1))
            {
                if (TryDate(month.Year, month.Month, dayOfMonth, out var date) && date >= today)
                {
                    day = new Day(DayKind.Date, date, default);
                    return true;
                }
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
            r.Symbol('.'); // "Dec."
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

    /// <summary>
    /// How the time was written. <see cref="ShortColon"/> is "6:30" with a one-digit hour: people write it for the
    /// evening as often as for the morning, so it follows the bare hour's working-hours rule; "06:30" is the 24-hour clock.
    /// </summary>
    private enum ClockForm { Am, Pm, TwentyFour, ShortColon, Bare, Noon, Midnight }

    /// <summary>A time as written; the hour is interpreted later, once we know about "at" and the part of the day.</summary>
    /// <param name="Spoken">Said as a time ("6 o'clock", "half past six"), so a bare hour is read as after "at".</param>
    /// <param name="Offset">Minutes to add once the hour is known: -15 for "quarter to seven".</param>
    /// <param name="Part">"in the morning", "at night" said after the time.</param>
    /// <param name="SameTime">"same time": the time of day it is now, which needs a day.</param>
    private readonly record struct Clock(
        int Hour, int Minute, ClockForm Form, bool Spoken = false, int Offset = 0, DayPart Part = DayPart.None, bool SameTime = false);

    private static bool TryTime(Reader r, DateTime now, out Clock clock, out bool afterAt)
    {
        var start = r.Pos;
        afterAt = r.Word("at");
        if (TryClock(r, now, out clock))
        {
            // "9 in the morning", "8 at night".
            var partAt = r.Pos;
            if (r.Word("in") && r.Word("the") && r.Peek() is { Kind: TokenKind.Word } w && Parts.TryGetValue(w.Text, out var part)
                && w.Text != "night")
            {
                r.Pos++;
                clock = clock with { Part = part };
            }
            else
            {
                r.Pos = partAt;
                if (r.Word("at") && r.Word("night"))
                {
                    clock = clock with { Part = DayPart.Evening };
                }
                else
                {
                    r.Pos = partAt;
                }
            }

            return true;
        }

        r.Pos = start;
        return false;
    }

    /// <summary>An hour from 1 to 12 as digits or a word ("six").</summary>
    private static bool TryTwelveHour(Reader r, out int hour) =>
        TryCount(r, out hour) && hour is >= 1 and <= 12;

    private static bool TryClock(Reader r, DateTime now, out Clock clock)
    {
        var start = r.Pos;
        clock = default;

        // "same time", "the same time".
        r.Word("the");
        if (r.Word("same") && r.Word("time"))
        {
            clock = new Clock(now.Hour, now.Minute, ClockForm.TwentyFour, SameTime: true);
            return true;
        }

        r.Pos = start;
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

        // "half past six", "quarter past 6", "a quarter to seven".
        r.Word("a");
        int minute = -1, offset = 0;
        if (r.Word("half"))
        {
            minute = r.Word("past") ? 30 : -1;
        }
        else if (r.Word("quarter"))
        {
            (minute, offset) = r.Word("past") ? (15, 0) : r.Word("to") ? (0, -15) : (-1, 0);
        }

        if (minute >= 0)
        {
            if (!TryTwelveHour(r, out var named))
            {
                r.Pos = start;
                return false;
            }

            var form = r.Word("am", "a") ? ClockForm.Am : r.Word("pm", "p") ? ClockForm.Pm : ClockForm.Bare;
            clock = new Clock(named, minute, form, Spoken: true, Offset: offset);
            return true;
        }

        r.Pos = start;
        var isWord = r.Peek() is { Kind: TokenKind.Word };
        var oneDigitHour = r.Peek() is { Kind: TokenKind.Number, Text.Length: 1 };
        if (!(isWord ? TryTwelveHour(r, out var hour) : r.Number(1, 2, out hour)))
        {
            r.Pos = start;
            return false;
        }

        // "12 noon", "12 midnight".
        if (hour == 12 && r.Word("noon", "midday"))
        {
            clock = new Clock(12, 0, ClockForm.Noon);
            return true;
        }

        if (hour == 12 && r.Word("midnight"))
        {
            clock = new Clock(0, 0, ClockForm.Midnight);
            return true;
        }

        minute = 0;
        var separator = isWord ? ' ' : r.Symbol(':') ? ':' : r.Word("h") ? 'h' : r.Symbol('.') ? '.' : ' ';
        if (separator != ' ' && (!r.Number(2, 2, out minute) || minute > 59))
        {
            r.Pos = start;
            return false;
        }

        // "18h30" is a 24-hour convention, so only "6", "6:30" and "6.30" may take am/pm. "6.30" alone could be a
        // date ("12.03"), so the dot needs am/pm.
        if (separator != 'h' && r.Word("am", "a"))
        {
            clock = new Clock(hour, minute, ClockForm.Am);
        }
        else if (separator != 'h' && r.Word("pm", "p"))
        {
            clock = new Clock(hour, minute, ClockForm.Pm);
        }
        else if (separator == '.')
        {
            r.Pos = start;
            return false;
        }
        else if (separator == ' ' && r.Word("oclock"))
        {
            clock = new Clock(hour, minute, ClockForm.Bare, Spoken: true);
        }
        else
        {
            clock = new Clock(hour, minute, separator switch
            {
                ' ' => ClockForm.Bare,
                ':' when oneDigitHour => ClockForm.ShortColon,
                _ => ClockForm.TwentyFour,
            });
        }

        return true;
    }

    /// <summary>Turns the written clock into an hour of the day, applying the "at" and part-of-day rules.</summary>
    /// <param name="bareIsTime">A bare hour is a time here (after "at", a spoken day, "o'clock"): read it as a working-hours time.</param>
    private static bool TryHourOfDay(Clock clock, bool bareIsTime, DayPart part, bool tonight, out int hour)
    {
        hour = -1;
        var h = clock.Hour;
        switch (part)
        {
            case DayPart.None:
                hour = clock.Form switch
                {
                    ClockForm.Am when h is >= 1 and <= 12 => h % 12,
                    ClockForm.Pm when h is >= 1 and <= 12 => h % 12 + 12,
                    ClockForm.TwentyFour when h <= 23 => h,
                    ClockForm.ShortColon => h is >= 1 and <= 7 ? h + 12 : h,
                    ClockForm.Bare when bareIsTime && h <= 23 => h is >= 1 and <= 7 ? h + 12 : h,
                    ClockForm.Noon or ClockForm.Midnight => h,
                    _ => -1,
                };
                break;
            case DayPart.Morning:
                hour = clock.Form switch
                {
                    ClockForm.Am when h is >= 1 and <= 12 => h % 12,
                    ClockForm.TwentyFour or ClockForm.ShortColon or ClockForm.Bare when h is >= 1 and <= 11 => h,
                    _ => -1,
                };
                break;
            case DayPart.Afternoon:
                hour = clock.Form switch
                {
                    ClockForm.Pm when h is >= 1 and <= 12 => h % 12 + 12,
                    ClockForm.TwentyFour or ClockForm.ShortColon or ClockForm.Bare when h is >= 1 and <= 7 => h + 12,
                    ClockForm.TwentyFour or ClockForm.ShortColon or ClockForm.Bare when h is >= 12 and <= 19 => h,
                    _ => -1,
                };
                break;
            case DayPart.Evening:
                // "tonight": any hour 1–11 without am/pm is pm; a bare 12 or 0 is ambiguous; "am" contradicts.
                hour = clock.Form switch
                {
                    ClockForm.Pm when h is >= 1 and <= 12 => h % 12 + 12,
                    ClockForm.TwentyFour or ClockForm.ShortColon when h <= 23 => h is >= 1 and <= 11 ? h + 12 : h,
                    ClockForm.Bare when h <= 23 && h is not (0 or 12) => h <= 11 ? h + 12 : h,
                    ClockForm.Noon or ClockForm.Midnight when tonight => h,
                    _ => -1,
                };
                break;
        }

        return hour >= 0;
    }

    // ---- Putting day and time together --------------------------------------------------------------

    private static bool TryResolve(Day day, Clock clock, bool afterAt, DateTime now, [NotNullWhen(true)] out ParsedWhen? when)
    {
        when = null;
        if (day.Part != DayPart.None && clock.Part != DayPart.None && day.Part != clock.Part)
        {
            return false; // "tomorrow morning at 6 in the evening"
        }

        // "same time" needs a day, and brings its own time of day: "same time tonight" at 10:00 is not clear.
        var part = day.Part != DayPart.None ? day.Part : clock.Part;
        if (clock.SameTime && (day.Kind == DayKind.Next || part != DayPart.None))
        {
            return false;
        }

        var tonight = day.Kind == DayKind.Tonight;
        if (!TryHourOfDay(clock, afterAt || clock.Spoken || day.Spoken, part, tonight, out var hour))
        {
            return false;
        }

        var minutes = hour * 60 + clock.Minute + clock.Offset;
        if (minutes < 0)
        {
            return false; // "quarter to 12am"
        }

        var time = new TimeOnly(minutes / 60, minutes % 60);
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
        // "next friday" on a Thursday: the first Friday after today is still in this (Monday-to-Sunday) week, so
        // "the Friday of next week" is as likely meant.
        DateTime? other = null;
        if (day.Kind == DayKind.NextWeekday && date.Value.DayNumber - today.DayNumber <= 6 - FromMonday(today.DayOfWeek)
            && Offset(date, 7) is { } weekLater)
        {
            other = weekLater.ToDateTime(time, DateTimeKind.Unspecified);
        }

        when = new ParsedWhen(date.Value.ToDateTime(time, DateTimeKind.Unspecified), passed, other);
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
