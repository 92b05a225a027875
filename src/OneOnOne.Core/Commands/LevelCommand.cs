using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>level &lt;person&gt; &lt;level&gt;</c>: places someone on the engagement pyramid.</summary>
public sealed class LevelCommand(IOneOnOneStore store, PersonResolver resolver, LevelHistory levels) : ICommand
{
    public string Name => "level";

    public CommandHelp Help { get; } = new(7, "level <person> <follower|contributor|active|core>",
        "Place someone on the engagement pyramid; I keep the history", "level Maria active");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (personText, level) = words.Length >= 3 && Labels.TryParseLevel(string.Join(' ', words[^2..]), out var two)
            ? (string.Join(' ', words[..^2]), (EngagementLevel?)two)
            : words.Length >= 2 && Labels.TryParseLevel(words[^1], out var one)
                ? (string.Join(' ', words[..^1]), one)
                : (arguments, null);
        if (level is null)
        {
            return Reply.WithText("Which level? `level Maria follower`, `contributor`, `active` (supporter) or `core` (leader).");
        }

        var lookup = await resolver.FindAsync(context, personText, ct);
        if (PersonReplies.Unresolved(lookup, Name, level.Value.ToString().ToLowerInvariant()) is { } problem)
        {
            return problem;
        }

        var (person, _) = (PersonLookup.Found)lookup;
        var before = person.Level;
        if (!levels.Record(context, person, level.Value))
        {
            return Reply.WithText($"{person.Name} is already a {Labels.Of(level.Value)}.");
        }

        await store.SaveChangesAsync(ct);
        var moves = await store.LevelChanges.CountAsync(c => c.PersonId == person.Id, ct);
        var verb = before is null ? "is now placed as" : level > before ? "moved up to" : "is now";
        return Reply.WithText($"{person.Name} {verb} {Labels.Of(level.Value)}" +
                              (before is null ? "." : $" (was {Labels.Of(before.Value)}).") +
                              (moves > 1 ? $" That's change number {moves} in their history; see it with `person {person.Name}`." : string.Empty));
    }
}
