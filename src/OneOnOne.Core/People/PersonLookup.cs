using OneOnOne.Core.Domain;

namespace OneOnOne.Core.People;

/// <summary>The result of looking a person up by what an organizer typed.</summary>
public abstract record PersonLookup
{
    /// <param name="Mine">The organizer's own relationship with them, if they have one.</param>
    public sealed record Found(Person Person, Relationship? Mine) : PersonLookup;

    public sealed record NotFound(PersonReference Reference) : PersonLookup;

    /// <summary>Several people fit; the organizer is asked which, never guessed for.</summary>
    public sealed record Ambiguous(PersonReference Reference, IReadOnlyList<Person> Candidates) : PersonLookup;
}
