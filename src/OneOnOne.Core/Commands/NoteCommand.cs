using OneOnOne.Core.Dialogue;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>note &lt;person&gt;: &lt;text&gt;</c>: a private, dated note on a relationship.</summary>
public sealed class NoteCommand(IOneOnOneStore store, PersonResolver resolver, PeopleDirectory directory) : ICommand
{
    public const int MaxNotesLength = 8000;

    public string Name => "note";

    public CommandHelp Help { get; } = new(8, "note <person>: <text>", "Add a private note about someone (only you see it)",
        "note Maria: her daughter starts school in January");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var colon = arguments.IndexOf(':', StringComparison.Ordinal);
        var (lookup, text) = colon > 0
            ? (await resolver.FindAsync(context, arguments[..colon], ct), arguments[(colon + 1)..].Trim())
            : await resolver.FindLeadingAsync(context, arguments, ct);
        if (PersonReplies.Unresolved(lookup, Name, text) is { } problem)
        {
            return problem;
        }

        var (person, mine) = (PersonLookup.Found)lookup;
        if (text.Length == 0)
        {
            return Reply.WithText($"What would you like to note? For example `note {person.Name}: loves gardening, works nights`.");
        }

        mine ??= await directory.EnsureMineAsync(context, person, ct);
        var line = $"{Time.Zones.DescribeDate(context.Now, context.Zone, context.Now)}: {text}";
        var notes = mine.Notes is null ? line : $"{mine.Notes}\n{line}";
        if (notes.Length > MaxNotesLength)
        {
            return Reply.WithText($"Your notes on {person.Name} would pass {MaxNotesLength:N0} characters. Could you keep this one shorter?");
        }

        mine.Notes = notes;
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"Noted, privately. Only you can see your notes on {person.Name}.");
    }
}
