using System.Globalization;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Flows;

/// <summary>The outcome of reading one typed or pressed answer.</summary>
public abstract record AnswerResult
{
    public sealed record Accepted(string Value) : AnswerResult;

    public sealed record Skipped : AnswerResult;

    /// <summary>Not accepted as it is; <see cref="Message"/> says why.</summary>
    public record Refused(string Message) : AnswerResult;

    /// <summary>
    /// A day without the time a date-time question needs: a flow asks for the time on <see cref="Day"/> with buttons;
    /// where that can't be done (a form), <see cref="Refused.Message"/> asks in words.
    /// </summary>
    public sealed record NeedsTime(ParsedDay Day, string Message) : Refused(Message);

    /// <summary>
    /// A slash date that reads two ways ("12/03") from an organizer who hasn't said how they write dates: a flow asks
    /// which with a button per reading; where that can't be done, <see cref="Refused.Message"/> says how to write it.
    /// </summary>
    public sealed record NeedsDateOrder(string Typed, DateOnly DayFirst, DateOnly MonthFirst, string Message) : Refused(Message);
}

/// <summary>Turns what an organizer typed into a normalised answer, or a friendly reason why not.</summary>
public static class AnswerParser
{
    public const string SkipWord = "skip";

    private static readonly string[] PeopleSeparators = [",", ";", "\n", " and "];

    /// <param name="slashOrder">How the organizer writes a date such as 12/03, when they said.</param>
    public static AnswerResult Parse(Question question, string raw, DateTime localNow, TimeZoneInfo zone, DateOrder? slashOrder = null)
    {
        var text = raw.Trim();
        if (text.Length > question.MaxLength)
        {
            return new AnswerResult.Refused(
                $"That's {text.Length:N0} characters, and I can keep up to {question.MaxLength:N0} here. " +
                "Could you shorten it a little?");
        }

        if (string.Equals(text, SkipWord, StringComparison.OrdinalIgnoreCase))
        {
            return question.Required
                ? new AnswerResult.Refused("This one matters for what comes next, so I can't skip it. A few words are enough.")
                : new AnswerResult.Skipped();
        }

        if (text.Length == 0)
        {
            return new AnswerResult.Refused(question.Required
                ? "I didn't catch an answer. A few words are enough."
                : "I didn't catch an answer. A few words are enough, or type `skip`.");
        }

        return question.Kind switch
        {
            QuestionKind.Text => new AnswerResult.Accepted(text),
            QuestionKind.Number => ParseNumber(question, text),
            QuestionKind.DateTime => ParseDateTime(question, text, localNow, zone, slashOrder),
            QuestionKind.People => ParsePeople(text),
            _ => ParseChoice(question, text),
        };
    }

    private static AnswerResult ParseChoice(Question question, string text)
    {
        var choices = question.EffectiveChoices;
        var match = choices.FirstOrDefault(c =>
                string.Equals(c.Value, text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase))
            ?? ByNumber(choices, text)
            ?? ByFirstWord(choices, text);
        return match is not null
            ? new AnswerResult.Accepted(match.Value)
            : new AnswerResult.Refused($"Please pick one of: {string.Join(", ", choices.Select(c => c.Label))}.");
    }

    private static Choice? ByNumber(IReadOnlyList<Choice> choices, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count
            ? choices[n - 1]
            : null;

    /// <summary>Accepts "y", "core leader", "active supporter" and the like when exactly one choice fits.</summary>
    private static Choice? ByFirstWord(IReadOnlyList<Choice> choices, string text)
    {
        var candidates = choices.Where(c =>
            c.Label.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            || c.Value.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            || text.StartsWith(c.Value, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static AnswerResult ParseNumber(Question question, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= question.Min && n <= question.Max
            ? new AnswerResult.Accepted(n.ToString(CultureInfo.InvariantCulture))
            : new AnswerResult.Refused($"Please answer with a whole number from {question.Min} to {question.Max}.");

    private static AnswerResult ParseDateTime(Question question, string text, DateTime localNow, TimeZoneInfo zone, DateOrder? order)
    {
        if (ReadDateTime(question, text, localNow, order, out var when, out var day, out var problem) is false)
        {
            if (order is null && WhenParser.TryReadBothWays(text, localNow, out var dayFirst, out var monthFirst))
            {
                return new AnswerResult.NeedsDateOrder(text, dayFirst, monthFirst, problem ?? $"“{text}” could be read two ways: please write the month as a word.");
            }

            // "fri dec 12" when the 12th is a Saturday: say what is unclear rather than show examples.
            return new AnswerResult.Refused(problem ??
                $"I couldn't read that as a date. Try something like {string.Join(", ", WhenParser.Examples.Take(4).Select(e => $"`{e}`"))}.");
        }

        if (day is not null)
        {
            // "tuesday" when a time is needed: a flow asks for the time on that day; a form shows this line.
            var typical = day.TypicalTime;
            var example = typical.ToString(typical.Minute == 0 ? "htt" : "h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
            return new AnswerResult.NeedsTime(day,
                $"What time on {Zones.DescribeLocalDate(day.Date.ToDateTime(TimeOnly.MinValue), localNow)}? For example `{text.Trim()} at {example}`.");
        }

        return Accept(question, text, when!, localNow, zone);
    }

    /// <summary>
    /// The answer to "What time on <paramref name="day"/>?" for a date-time question: a time on that day, or a new
    /// day and time altogether. Refused with the reason when it is not a time, or has passed and must not have.
    /// </summary>
    public static AnswerResult ParseTimeOn(Question question, ParsedDay day, string raw, DateTime localNow, TimeZoneInfo zone)
    {
        var text = raw.Trim();
        if (!WhenParser.TryReadTimeOn(day, text, localNow, out var when))
        {
            return new AnswerResult.Refused(text.Length == 0
                ? "I didn't catch a time."
                : $"I couldn't read “{Shorten(text)}” as a time. Press one of the times below, or type one like `18:30` or `6pm`.");
        }

        return Accept(question, text, when, localNow, zone);
    }

    private static AnswerResult Accept(Question question, string text, ParsedWhen when, DateTime localNow, TimeZoneInfo zone)
    {
        if (question.MustBeFuture && when.Local <= localNow)
        {
            // The year goes right after the day and month, which lie within what was typed even when a default time was added.
            return new AnswerResult.Refused(when.Passed is { } passed
                ? passed.Question(localNow, passed.WithYear(text))
                : $"{Zones.DescribeLocal(when.Local, localNow)} has already passed. When is it?");
        }

        return new AnswerResult.Accepted(Zones.ToUtc(when.Local, zone).ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Reads a date and time, or (<paramref name="day"/> set) a day that still needs its time. A question with a
    /// default time takes a day at that time, or at a time that fits the part of the day said ("monday morning").
    /// </summary>
    private static bool ReadDateTime(
        Question question, string text, DateTime localNow, DateOrder? order, out ParsedWhen? when, out ParsedDay? day, out string? problem)
    {
        day = null;
        if (WhenParser.TryRead(text, localNow, order, out when, out problem)
            || (question.DefaultTime is { } time
                && WhenParser.TryRead($"{text} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}", localNow, order, out when, out problem)))
        {
            return true;
        }

        if (WhenParser.TryReadDay(text, localNow, order, out var read) && problem is null)
        {
            if (question.DefaultTime is null)
            {
                day = read;
                return true;
            }

            // "monday morning": the default time (17:00) does not fit the part of the day said; a time that does.
            return WhenParser.TryRead($"{read.Date:yyyy-MM-dd} {read.TypicalTime:HH:mm}", localNow, out when);
        }

        return false;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static AnswerResult ParsePeople(string text)
    {
        var names = text.Split(PeopleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (names.Any(n => n.Length > 200))
        {
            return new AnswerResult.Refused("One of those names is very long. Please separate names with commas.");
        }

        if (names.Count == 0)
        {
            return new AnswerResult.Refused("I didn't catch any names. Separate them with commas, or type `skip`.");
        }

        // Asked before anyone is added: a stray sentence or an emoji must not become a person on the list.
        var odd = names.Where(n => !NameShape.LooksLikeName(n)).ToList();
        return odd.Count == 0
            ? new AnswerResult.Accepted(string.Join('\n', names))
            : new AnswerResult.Refused(NotNames(names.Except(odd).ToList(), odd));
    }

    private static string NotNames(IReadOnlyList<string> kept, IReadOnlyList<string> odd)
    {
        var quoted = Prose.And(odd.Select(n => $"“{n}”"));
        var problem = odd.Count == 1 ? $"{quoted} doesn't look like a name" : $"{quoted} don't look like names";
        var hint = odd.Any(n => n.Any(char.IsLetter)) ? " Names start with a capital letter, without numbers or symbols." : string.Empty;
        return kept.Count == 0
            ? $"{problem}.{hint} Type the names separated by commas, or `skip` if there's no one to add."
            : $"I'd add {Prose.And(kept)}, but {problem}.{hint} Type just the names again " +
              $"(for example `{string.Join(", ", kept)}`), or `skip` to add no one.";
    }

    public static IReadOnlyList<string> SplitPeople(string? stored) =>
        stored?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public static DateTimeOffset? ReadInstant(string? stored) =>
        stored is null ? null : DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
