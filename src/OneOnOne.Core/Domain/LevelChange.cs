namespace OneOnOne.Core.Domain;

/// <summary>One step in a person's history on the engagement pyramid.</summary>
public sealed class LevelChange
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public int OrganizerId { get; set; }

    public EngagementLevel? From { get; set; }

    public EngagementLevel To { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>
    /// Whether this was a step up the pyramid (a first placement is not). Stored, not derived in queries:
    /// levels are kept by name, which does not sort by rung.
    /// </summary>
    public bool MovedUp { get; set; }
}
