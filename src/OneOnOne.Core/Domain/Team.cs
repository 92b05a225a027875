namespace OneOnOne.Core.Domain;

/// <summary>A workspace or server on one platform (or the local console).</summary>
public sealed class Team
{
    public int Id { get; set; }

    /// <summary>Adapter key, e.g. "console"; the engine never interprets it.</summary>
    public required string Platform { get; set; }

    /// <summary>The platform's id for the workspace.</summary>
    public required string ExternalId { get; set; }

    /// <summary>IANA zone used for organizers who have not set their own.</summary>
    public string TimeZone { get; set; } = "UTC";

    public DateTimeOffset CreatedAt { get; set; }

    public List<Organizer> Organizers { get; set; } = [];
}
