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

    /// <summary>
    /// The meeting start this follow-up was planned around. When a meeting moves to a new slot, what was
    /// sent for the old slot is history, not a reason to skip the new slot's pocket guide.
    /// </summary>
    public DateTimeOffset? PlannedForStart { get; set; }

    /// <summary>UTC instant at which it should reach the organizer.</summary>
    public DateTimeOffset DueAt { get; set; }

    public FollowUpStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a dispatcher claimed it for sending (the intent, recorded before the send).</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The platform's id for the message, recorded after the send.</summary>
    public string? PlatformMessageId { get; set; }

    /// <summary>Set on a follow-up created by snoozing another; the planner leaves these alone.</summary>
    public int? SnoozedFromId { get; set; }

    /// <summary>Still owed to the organizer: waiting for its time, or held until they answer.</summary>
    public bool IsOpen => Status is FollowUpStatus.Pending or FollowUpStatus.Held;

    /// <summary>
    /// Gone out to the organizer, or perhaps gone out (<see cref="FollowUpStatus.Unconfirmed"/>): either way they may
    /// have it in front of them and answer it, so its buttons and <c>followup</c> actions still work.
    /// </summary>
    public bool WentOut => Status is FollowUpStatus.Sent or FollowUpStatus.Unconfirmed;

    /// <summary>How the organizer names this reminder: shown on it and in <c>status</c>, typed as <c>followup 12</c> or <c>followup #12</c>.</summary>
    public string Reference => ReferenceOf(Id);

    public static string ReferenceOf(int id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{id}");
}
