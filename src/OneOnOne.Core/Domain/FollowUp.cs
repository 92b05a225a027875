namespace OneOnOne.Core.Domain;

/// <summary>A nudge the bot owes an organizer at a given instant. Rows are planned; a scheduler fires them.</summary>
public sealed class FollowUp
{
    public int Id { get; set; }

    public int OrganizerId { get; set; }

    public Organizer Organizer { get; set; } = null!;

    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    public int? MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    public FollowUpKind Kind { get; set; }

    /// <summary>UTC instant at which it should reach the organizer.</summary>
    public DateTimeOffset DueAt { get; set; }

    public FollowUpStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public bool IsOpen => Status is FollowUpStatus.Pending;
}
