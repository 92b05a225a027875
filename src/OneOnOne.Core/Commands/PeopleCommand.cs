using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>people</c>: the organizer's people, grouped by level on the pyramid, leaders first.</summary>
public sealed class PeopleCommand(IOneOnOneStore store) : ICommand
{
    public string Name => "people";

    public CommandHelp Help { get; } = new(10, "people", "Your people grouped by pyramid level", "people");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var people = await store.Relationships
            .Where(r => r.OrganizerId == context.Organizer.Id)
            .Select(r => new { r.Person.Name, r.Person.Level })
            .ToListAsync(ct);
        if (people.Count == 0)
        {
            return Reply.WithText("You haven't added anyone yet. Start with `list add Maria Lopez met at the kickoff`.");
        }

        var reply = new Reply().Header($"Your people ({people.Count})");
        var groups = people.GroupBy(p => p.Level).OrderByDescending(g => g.Key ?? 0);
        foreach (var group in groups)
        {
            var title = group.Key is { } level ? Plural(level) : "Not placed yet";
            reply.Text($"{title} ({group.Count()}): {string.Join(", ", group.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase))}");
        }

        return reply;
    }

    private static string Plural(EngagementLevel level) => level switch
    {
        EngagementLevel.Core => "Core leaders",
        EngagementLevel.Active => "Active supporters",
        EngagementLevel.Contributor => "Contributors",
        _ => "Followers",
    };
}
