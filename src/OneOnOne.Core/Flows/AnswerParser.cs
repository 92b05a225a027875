using System.Globalization;
using OneOnOne.Core.Engine;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Flows;

/// <summary>The outcome of reading one typed or pressed answer.</summary>
public abstract record AnswerResult
{
    public sealed record Accepted(string Value) : AnswerResult;

    public sealed record Skipped : AnswerResult;

    public sealed record Refused(string Message) : AnswerResult;
}

/// <summary>Turns what an organizer typed into a normalised answer, or a friendly reason why not.</summary>
public static class AnswerParser
{
    public const string SkipWord = "skip";

    private static readonly string[] PeopleSeparators = [",", ";", "\n", " and "];

    public static AnswerResult Parse(Question question, string raw, DateTime localNow, TimeZoneInfo zone)
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
            QuestionKind.DateTime => ParseDateTime(question, text, localNow, zone),
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

    private static AnswerResult ParseDateTime(Question question, string text, DateTime localNow, TimeZoneInfo zone)
    {
        string? problem = null;
        var parsed = WhenParser.TryRead(text, localNow, out ParsedWhen? when, out problem)
            || (question.DefaultTime is { } time
                && WhenParser.TryRead($"{text} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}", localNow, out when, out problem));
        if (!parsed && question.DefaultTime is not null && problem is null
            && WhenParser.TryReadDay(text, localNow, out var day, out var typical))
        {
            // "monday morning": the default time (17:00) does not fit the part of the day said; a time that does.
            parsed = WhenParser.TryRead($"{day:yyyy-MM-dd} {typical:HH:mm}", localNow, out when);
        }

        if (!parsed && question.DefaultTime is null && problem is null
            && WhenParser.TryReadDay(text, localNow, out var dayOnly, out var suggested))
        {
            // "tuesday" when a time is needed: ask for the time on that day; the question stays open for the answer.
            var example = suggested.ToString(suggested.Minute == 0 ? "htt" : "h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
            return new AnswerResult.Refused(
                $"What time on {Zones.DescribeLocalDate(dayOnly.ToDateTime(TimeOnly.MinValue), localNow)}? For example `{text.Trim()} at {example}`.");
        }

        if (!parsed || when is null)
        {
            // "fri dec 12" when the 12th is a Saturday, "12/03": say what is unclear rather than show examples.
            return new AnswerResult.Refused(problem ??
                $"I couldn't read that as a date. Try something like {string.Join(", ", WhenParser.Examples.Take(4).Select(e => $"`{e}`"))}.");
        }

        if (question.MustBeFuture && when.Local <= localNow)
        {
            // The year goes right after the day and month, which lie within what was typed even when a default time was added.
            return new AnswerResult.Refused(when.Passed is { } passed
                ? passed.Question(localNow, passed.WithYear(text))
                : $"{Zones.DescribeLocal(when.Local, localNow)} has already passed. When is it?");
        }

        return new AnswerResult.Accepted(Zones.ToUtc(when.Local, zone).ToString("O", CultureInfo.InvariantCulture));
    }

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
