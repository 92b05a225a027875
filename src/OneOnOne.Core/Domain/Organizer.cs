namespace OneOnOne.Core.Domain;

/// <summary>Someone on the team who holds 1:1s and talks to the bot.</summary>
public sealed class Organizer
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team Team { get; set; } = null!;

    /// <summary>The platform's id for the user; with the team, where to reach them later.</summary>
    public required string ExternalUserId { get; set; }

    /// <summary>
    /// The name given to an organizer whose platform names nobody, e.g. the console before <c>/as</c>.
    /// It's a label for lists, never a name to sign a message with.
    /// </summary>
    public const string UnnamedDisplayName = "Organizer";

    public required string DisplayName { get; set; }

    /// <summary>The organizer's own name, or null when all we have is <see cref="UnnamedDisplayName"/> or nothing.</summary>
    public string? OwnName =>
        string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim() == UnnamedDisplayName ? null : DisplayName.Trim();

    /// <summary>IANA zone the organizer chose with <c>timezone</c>; it wins over every other.</summary>
    public string? TimeZone { get; set; }

    /// <summary>IANA zone the platform reports for the user (Slack does; Discord and the console don't).</summary>
    public string? PlatformTimeZone { get; set; }

    /// <summary>Number of 1:1s the organizer aims to hold in a four-week window.</summary>
    public int? Goal { get; set; }

    public DateTimeOffset? GoalSetAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last time the organizer said or pressed anything; follow-ups sent since then are unanswered.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>No follow-up reaches the organizer before this instant (a holiday).</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>The organizer turned follow-ups off altogether.</summary>
    public bool NudgesOff { get; set; }

    /// <summary>When the bot last asked "pause for a while?" after several unanswered follow-ups.</summary>
    public DateTimeOffset? PauseSuggestedAt { get; set; }

    /// <summary>How the organizer writes a date such as 12/03 (<c>dates day-first|month-first</c>); null until they say.</summary>
    public Time.DateOrder? DateOrder { get; set; }

    public string EffectiveTimeZone => TimeZone ?? PlatformTimeZone ?? Team.TimeZone;
}
