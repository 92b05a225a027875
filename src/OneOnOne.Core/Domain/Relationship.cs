namespace OneOnOne.Core.Domain;

/// <summary>One organizer's private side of a relationship with a person.</summary>
public sealed class Relationship
{
    public int Id { get; set; }

    public int OrganizerId { get; set; }

    public Organizer Organizer { get; set; } = null!;

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    /// <summary>Whether the person is on the organizer's list of people to meet.</summary>
    public bool OnList { get; set; }

    /// <summary>Where the organizer met them, e.g. "the kickoff".</summary>
    public string? MetAt { get; set; }

    /// <summary>
    /// Who pointed this organizer to the person, as the organizer recorded it. Private like the rest of
    /// the relationship: another organizer who knows the same person never sees it.
    /// </summary>
    public int? ReferredByPersonId { get; set; }

    public Person? ReferredBy { get; set; }

    /// <summary>The organizer's private notes: their story, interests, skills.</summary>
    public string? Notes { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
