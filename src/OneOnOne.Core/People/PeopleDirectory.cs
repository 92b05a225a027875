using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.People;

/// <summary>Someone put on an organizer's list, and what the organizer should know about it.</summary>
/// <param name="AlsoAddedBy">Other organizers who added the same person recently (names only, never their notes).</param>
public sealed record AddedPerson(Person Person, Relationship Relationship, bool WasAlreadyOnList, IReadOnlyList<string> AlsoAddedBy);

/// <summary>Someone a referral named who was already on the organizer's list.</summary>
/// <param name="Linked">Whether the referral was recorded; false when the organizer already had them from someone else.</param>
public sealed record AlreadyListed(Person Person, bool Linked);

/// <summary>What recording a set of referrals did: who joined the list, who was on it, and which names fit several people.</summary>
public sealed record ReferralsAdded(
    IReadOnlyList<Person> New, IReadOnlyList<AlreadyListed> AlreadyListed, IReadOnlyList<PersonLookup.Ambiguous> Ambiguous);

/// <summary>Adds people to an organizer's list, sharing one team-wide person row between organizers.</summary>
public sealed class PeopleDirectory(IOneOnOneStore store, PersonResolver resolver)
{
    /// <summary>How far back another organizer's addition is worth a heads-up.</summary>
    public static readonly TimeSpan RecentlyAdded = TimeSpan.FromDays(30);

    /// <summary>
    /// Puts a person on the organizer's list, reusing the team's row for them when one exists.
    /// Changes are tracked, not saved: the caller saves them with its own.
    /// </summary>
    public async Task<AddedPerson> AddAsync(
        ConversationContext context, PersonReference reference, Person? existing, string? metAt, Person? referredBy, CancellationToken ct)
    {
        var person = existing ?? await FindTeamPersonAsync(context, reference, ct) ?? Create(context, reference);
        var relationship = person.Id == 0
            ? null
            : await store.Relationships.SingleOrDefaultAsync(r => r.OrganizerId == context.Organizer.Id && r.PersonId == person.Id, ct);
        var wasOnList = relationship?.OnList ?? false;
        if (relationship is null)
        {
            relationship = new Relationship { Organizer = context.Organizer, Person = person, AddedAt = context.Now };
            store.Relationships.Add(relationship);
        }

        if (referredBy is not null && relationship.ReferredByPersonId is null && referredBy != person)
        {
            relationship.ReferredBy = referredBy;
        }

        relationship.OnList = true;
        relationship.MetAt = metAt ?? relationship.MetAt;
        return new AddedPerson(person, relationship, wasOnList, await OthersWhoAddedAsync(context, person, ct));
    }

    /// <summary>
    /// Puts the people <paramref name="referrer"/> suggested on the organizer's list. Each name is looked up the
    /// way a command would (the organizer's own people first, "Kenji" finds Kenji Tanaka): someone already
    /// there keeps their record and gains the referral only if they had none; a name that fits several people
    /// is left for the organizer to choose. Tracked, not saved.
    /// </summary>
    public async Task<ReferralsAdded> AddReferralsAsync(ConversationContext context, Person referrer, IEnumerable<string> names, CancellationToken ct)
    {
        var added = new List<Person>();
        var already = new List<AlreadyListed>();
        var ambiguous = new List<PersonLookup.Ambiguous>();
        foreach (var name in names)
        {
            var lookup = await resolver.FindAsync(context, name, ct);
            if (lookup is PersonLookup.Ambiguous unsure)
            {
                ambiguous.Add(unsure);
                continue;
            }

            var found = lookup as PersonLookup.Found;
            if (found is not null && (found.Person == referrer || added.Contains(found.Person) || already.Any(a => a.Person == found.Person)))
            {
                continue; // Themselves, or the same person named twice ("Kenji, Kenji Tanaka").
            }

            var hadReferral = found?.Mine?.ReferredByPersonId is not null;
            var result = await AddAsync(context, PersonReference.Parse(name), found?.Person, null, referrer, ct);
            if (result.WasAlreadyOnList)
            {
                already.Add(new AlreadyListed(result.Person, Linked: !hadReferral));
            }
            else
            {
                added.Add(result.Person);
            }
        }

        return new ReferralsAdded(added, already, ambiguous);
    }

    /// <summary>
    /// Makes sure the organizer has their own relationship with a person another organizer added,
    /// e.g. when they plan a 1:1 with them. Tracked, not saved.
    /// </summary>
    public async Task<Relationship> EnsureMineAsync(ConversationContext context, Person person, CancellationToken ct) =>
        (await AddAsync(context, new PersonReference(person.Id, null, person.Name), person, null, null, ct)).Relationship;

    private async Task<Person?> FindTeamPersonAsync(ConversationContext context, PersonReference reference, CancellationToken ct)
    {
        var team = store.People.Where(p => p.TeamId == context.Organizer.TeamId);
        if (reference.MentionId is not null)
        {
            return await team.FirstOrDefaultAsync(p => p.ExternalUserId == reference.MentionId, ct);
        }

        var normalized = Person.Normalize(reference.Name);
        return store.People.Local.FirstOrDefault(p => p.TeamId == context.Organizer.TeamId && p.NormalizedName == normalized)
            ?? await team.OrderBy(p => p.Id).FirstOrDefaultAsync(p => p.NormalizedName == normalized, ct);
    }

    private Person Create(ConversationContext context, PersonReference reference)
    {
        var person = new Person
        {
            TeamId = context.Organizer.TeamId,
            Name = TextHygiene.Line(reference.Name), // One line: a line break typed inside a name is a space.
            NormalizedName = Person.Normalize(reference.Name),
            ExternalUserId = reference.MentionId,
            AddedBy = context.Organizer,
            CreatedAt = context.Now,
        };
        store.People.Add(person);
        return person;
    }

    private async Task<IReadOnlyList<string>> OthersWhoAddedAsync(ConversationContext context, Person person, CancellationToken ct)
    {
        if (person.Id == 0)
        {
            return [];
        }

        var since = context.Now - RecentlyAdded;
        return await store.Relationships
            .Where(r => r.PersonId == person.Id && r.OrganizerId != context.Organizer.Id && r.AddedAt >= since)
            .Select(r => r.Organizer.DisplayName)
            .ToListAsync(ct);
    }
}
