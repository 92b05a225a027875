using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>level &lt;person&gt; &lt;level&gt;</c>: places someone on the engagement pyramid.</summary>
public sealed class LevelCommand(IOneOnOneStore store, PersonResolver resolver, LevelHistory levels) : ICommand
{
    public string Name => "level";

    public CommandHelp Help { get; } = new(7, "level <person> <follower|contributor|active|core>",
        "Place someone on the engagement pyramid; I keep the history", "level Maria active");

    /// <summary>Every level with what it means, one a line, for when the organizer has to pick one.</summary>
    private static readonly string Levels = string.Join('\n',
        Enum.GetValues<EngagementLevel>().Select(level => $"• {Labels.WithMeaning(level)}"));

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        // The person is read first, so that the words after their name are the level, whatever they say:
        // "Tom supreme leader" is Tom and a level that doesn't exist, not someone called "Tom supreme".
        var (lookup, levelText) = await resolver.FindLeadingAsync(context, arguments, ct);
        if (lookup is PersonLookup.NotFound && SplitTrailingLevel(arguments) is { } split)
        {
            // Nobody known: name the whole run of words before the level, not just the first one.
            (lookup, levelText) = (await resolver.FindAsync(context, split.Person, ct), split.Level);
        }

        EngagementLevel? level = Labels.TryParseLevel(levelText, out var parsed) ? parsed : null;
        var levelWord = level?.ToString().ToLowerInvariant() ?? string.Empty;
        if (PersonReplies.Unresolved(lookup, Name, levelWord) is { } problem)
        {
            return problem;
        }

        var person = ((PersonLookup.Found)lookup).Person;
        if (level is null)
        {
            return new Reply()
                .Text(levelText.Length == 0 ? $"Which level for {person.Name}?" : $"“{levelText}” isn't a level. The levels are:")
                .Text(Levels)
                .Text($"For example `level {person.Name} active`, or `follower`, `contributor`, `core`.")
                .Buttons(Enum.GetValues<EngagementLevel>().Select(choice => Payloads.Command(
                    Labels.ChoiceOf(choice), string.Create(CultureInfo.InvariantCulture, $"level #{person.Id} {choice.ToString().ToLowerInvariant()}"))));
        }

        var before = person.Level;
        if (!levels.Record(context, person, level.Value))
        {
            return Reply.WithText($"{person.Name} is already a {Labels.Of(level.Value)}.");
        }

        await store.SaveChangesAsync(ct);
        var verb = before is null ? "is now placed as" : level > before ? "moved up to" : "is now";
        var was = before is null ? string.Empty : $" (was {Labels.Of(before.Value)})";
        var history = before is null ? string.Empty : $" `person {person.Name}` shows every change.";
        return Reply.WithText($"{person.Name} {verb} {Labels.Of(level.Value)}{was}: {Labels.Meaning(level.Value)}.{history}");
    }

    /// <summary>"Sam Ortiz core leader" → ("Sam Ortiz", "core leader"): the last one or two words, when they are a level.</summary>
    private static (string Person, string Level)? SplitTrailingLevel(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = Math.Min(2, words.Length - 1); count >= 1; count--)
        {
            var level = string.Join(' ', words[^count..]);
            if (Labels.TryParseLevel(level, out _))
            {
                return (string.Join(' ', words[..^count]), level);
            }
        }

        return null;
    }
}
