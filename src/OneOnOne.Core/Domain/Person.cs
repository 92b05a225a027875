namespace OneOnOne.Core.Domain;

/// <summary>
/// Someone the team is building a relationship with. One row per team: the facts here (name and
/// level) are team-visible; what an organizer knows privately, who referred them included, lives in
/// <see cref="Relationship"/>, <see cref="Meeting"/> and <see cref="Reflection"/>.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-cased, trimmed name used for case-insensitive matching.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>The platform user id when the person was named by a mention.</summary>
    public string? ExternalUserId { get; set; }

    public EngagementLevel? Level { get; set; }

    public int AddedByOrganizerId { get; set; }

    public Organizer AddedBy { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToLowerInvariant();
}
