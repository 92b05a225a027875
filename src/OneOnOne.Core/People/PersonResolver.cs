using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.People;

/// <summary>
/// Finds the person an organizer means, by id, mention or name. Names are compared as
/// <see cref="Person.Normalize"/> reads them, so case and accents never hide anyone.
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

        return await FindByNameAsync(context, await MyPeopleAsync(context, ct), reference, ct);
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
        for (var count = words.Length; count > 1; count--)
        {
            var lookup = await FindByNameAsync(context, mine, PersonReference.Parse(string.Join(' ', words.Take(count))), ct);
            if (lookup is not PersonLookup.NotFound)
            {
                return (lookup, string.Join(' ', words.Skip(count)));
            }
        }

        return (await FindByNameAsync(context, mine, PersonReference.Parse(words[0]), ct), string.Join(' ', words.Skip(1)));
    }

    /// <summary>
    /// Everyone on the team a new name could mean: the same name, or one it is part of ("Maria" →
    /// Maria Lopez, Maria Santos). Adding someone asks about these first, so nobody is added twice.
    /// </summary>
    public async Task<IReadOnlyList<Person>> FindLookalikesAsync(ConversationContext context, string name, CancellationToken ct)
    {
        var wanted = Person.Normalize(name);
        if (wanted.Length == 0)
        {
            return [];
        }

        // A coarse filter the database can run (LIKE on both SQLite and PostgreSQL), refined below.
        var (prefix, suffix, inner) = (wanted + " ", " " + wanted, " " + wanted + " ");
        var near = await store.People
            .Where(p => p.TeamId == context.Organizer.TeamId
                        && (p.NormalizedName == wanted || p.NormalizedName.StartsWith(prefix)
                            || p.NormalizedName.EndsWith(suffix) || p.NormalizedName.Contains(inner)))
            .ToListAsync(ct);
        return near.Where(p => Fits(p.NormalizedName, wanted))
            .OrderBy(p => p.NormalizedName != wanted)
            .ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// The organizer's own people first. One person who fits is found; several are asked about, even when
    /// one of them has exactly the typed name ("Maria" also fits Maria Lopez). The rest of the team is
    /// searched only by exact name, so a typo never lands on someone else's contact.
    /// </summary>
    private async Task<PersonLookup> FindByNameAsync(
        ConversationContext context, IReadOnlyList<Relationship> mine, PersonReference reference, CancellationToken ct)
    {
        var wanted = Person.Normalize(reference.Name);
        if (wanted.Length == 0)
        {
            return new PersonLookup.NotFound(reference);
        }

        var fitting = mine.Where(r => Fits(r.Person.NormalizedName, wanted))
            .OrderBy(r => r.Person.NormalizedName != wanted)
            .ToList();
        if (fitting.Count == 1)
        {
            return new PersonLookup.Found(fitting[0].Person, fitting[0]);
        }

        if (fitting.Count > 1)
        {
            return new PersonLookup.Ambiguous(reference, fitting.Select(r => r.Person).ToList());
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

    private async Task<IReadOnlyList<Relationship>> MyPeopleAsync(ConversationContext context, CancellationToken ct) =>
        await store.Relationships.Include(r => r.Person).Where(r => r.OrganizerId == context.Organizer.Id).ToListAsync(ct);

    /// <summary>"maria" fits "maria", "maria lopez" and "ana maria"; "lopez" fits too; "mar" does not (too loose to be safe).</summary>
    private static bool Fits(string name, string wanted) =>
        name == wanted
        || name.StartsWith(wanted + " ", StringComparison.Ordinal)
        || name.Split(' ').Contains(wanted, StringComparer.Ordinal);
}
