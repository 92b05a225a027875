using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.People;

/// <summary>
/// Finds the person an organizer means. Their own people come first; the rest of the team is
/// searched only by exact name, so a typo never lands on someone else's contact.
/// </summary>
public sealed class PersonResolver(IOneOnOneStore store)
{
    public async Task<PersonLookup> FindAsync(ConversationContext context, string text, CancellationToken ct)
    {
        var reference = PersonReference.Parse(text);
        if (reference.Id is not null || reference.MentionId is not null)
        {
            return await FindExactAsync(context, reference, ct);
        }

        var mine = await MyPeopleAsync(context, ct);
        var wanted = Person.Normalize(reference.Name);
        if (wanted.Length == 0)
        {
            return new PersonLookup.NotFound(reference);
        }

        var exact = mine.Where(p => p.Person.NormalizedName == wanted).ToList();
        if (exact.Count == 0)
        {
            exact = mine.Where(p => IsPartialMatch(p.Person.NormalizedName, wanted)).ToList();
        }

        if (exact.Count == 1)
        {
            return new PersonLookup.Found(exact[0].Person, exact[0]);
        }

        if (exact.Count > 1)
        {
            return new PersonLookup.Ambiguous(reference, exact.Select(r => r.Person).ToList());
        }

        var team = await store.People
            .Where(p => p.TeamId == context.Organizer.TeamId && p.NormalizedName == wanted)
            .ToListAsync(ct);
        return team.Count switch
        {
            0 => new PersonLookup.NotFound(reference),
            1 => new PersonLookup.Found(team[0], null),
            _ => new PersonLookup.Ambiguous(reference, team),
        };
    }

    /// <summary>
    /// Finds the person named at the start of <paramref name="text"/> (the longest run of words that is
    /// someone's name) and returns what follows, e.g. "Maria Lopez tomorrow 6pm" → Maria Lopez, "tomorrow 6pm".
    /// </summary>
    public async Task<(PersonLookup Lookup, string Remainder)> FindLeadingAsync(ConversationContext context, string text, CancellationToken ct)
    {
        var trimmed = text.Trim();

        // A mention is one token even when its label has spaces: <@U1|Maria Lopez>.
        if (trimmed.StartsWith("<@", StringComparison.Ordinal) && trimmed.IndexOf('>', StringComparison.Ordinal) is var end and > 0)
        {
            return (await FindAsync(context, trimmed[..(end + 1)], ct), trimmed[(end + 1)..].Trim());
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return (new PersonLookup.NotFound(PersonReference.Parse(string.Empty)), string.Empty);
        }

        if (PersonReference.LooksLikeToken(words[0]))
        {
            return (await FindAsync(context, words[0], ct), string.Join(' ', words.Skip(1)));
        }

        var mine = await MyPeopleAsync(context, ct);
        for (var count = words.Length; count >= 1; count--)
        {
            var candidate = Person.Normalize(string.Join(' ', words.Take(count)));
            if (mine.Any(r => r.Person.NormalizedName == candidate))
            {
                return (await FindAsync(context, candidate, ct), string.Join(' ', words.Skip(count)));
            }
        }

        return (await FindAsync(context, words[0], ct), string.Join(' ', words.Skip(1)));
    }

    private async Task<PersonLookup> FindExactAsync(ConversationContext context, PersonReference reference, CancellationToken ct)
    {
        var query = store.People.Where(p => p.TeamId == context.Organizer.TeamId);
        query = reference.Id is { } id ? query.Where(p => p.Id == id) : query.Where(p => p.ExternalUserId == reference.MentionId);
        var person = await query.FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return new PersonLookup.NotFound(reference);
        }

        var mine = await store.Relationships
            .SingleOrDefaultAsync(r => r.OrganizerId == context.Organizer.Id && r.PersonId == person.Id, ct);
        return new PersonLookup.Found(person, mine);
    }

    private Task<List<Relationship>> MyPeopleAsync(ConversationContext context, CancellationToken ct) =>
        store.Relationships.Include(r => r.Person).Where(r => r.OrganizerId == context.Organizer.Id).ToListAsync(ct);

    /// <summary>"maria" fits "maria lopez"; "lopez" fits too; "mar" does not (too loose to be safe).</summary>
    private static bool IsPartialMatch(string name, string wanted) =>
        name.StartsWith(wanted + " ", StringComparison.Ordinal)
        || name.Split(' ').Contains(wanted, StringComparer.Ordinal);
}
