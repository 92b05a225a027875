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

    /// <summary>The platform's id for the channel the weekly digest goes to; none means no digest is posted.</summary>
    public string? DigestChannel { get; set; }

    /// <summary>The channel's name as the platform gave it when it was chosen (for "#organizing" rather than an id); null when unknown.</summary>
    public string? DigestChannelName { get; set; }

    /// <summary>The organizer who chose <see cref="DigestChannel"/>: told by DM when a digest can't be posted there. Null for channels chosen before this was kept.</summary>
    public int? DigestChannelChosenBy { get; set; }

    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly DigestTime { get; set; } = new(9, 0);

    /// <summary>IANA zone of <see cref="DigestTime"/>; null means <see cref="TimeZone"/>.</summary>
    public string? DigestTimeZone { get; set; }

    /// <summary>
    /// When the bot next posts the digest, UTC: the next digest time, or, while the platform is failing to take this
    /// week's, the next retry. Recomputed whenever the schedule changes or a digest goes out (or is given up).
    /// </summary>
    public DateTimeOffset? NextDigestAt { get; set; }

    public List<Organizer> Organizers { get; set; } = [];
}
