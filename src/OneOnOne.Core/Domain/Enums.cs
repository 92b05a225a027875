namespace OneOnOne.Core.Domain;

/// <summary>The three kinds of 1:1 the method distinguishes.</summary>
public enum MeetingKind
{
    Recruitment,
    Maintenance,
    Escalation,
}

/// <summary>Where a meeting is in its life.</summary>
public enum MeetingStatus
{
    /// <summary>Prepared (or being prepared) but not yet given a time.</summary>
    Planned,
    Scheduled,
    Held,
    Cancelled,
    /// <summary>The organizer said it did not happen.</summary>
    Missed,
}

/// <summary>The engagement pyramid, lowest rung first, so that a higher value means "moved up".</summary>
public enum EngagementLevel
{
    Follower = 1,
    Contributor = 2,
    Active = 3,
    Core = 4,
}

public enum AskAnswer
{
    Yes,
    Maybe,
    No,
}

/// <summary>What a "no" was about: the date or time offered, or the activity itself.</summary>
public enum NoReason
{
    Date,
    Activity,
}

public enum FollowUpKind
{
    PocketGuide,
    DidYouMeet,
    ReflectionPrompt,
    ThankYou,
    ConfirmCommitment,
    RevisitMaybe,
    OfferNewDate,
    MaintenanceCheckIn,
    GoalPace,
    UncontactedPeople,
    /// <summary>The organizer left a 1:1 without the next conversation fixed ("not yet"): a nudge to book it.</summary>
    BookNextMeeting,
}

public enum FollowUpStatus
{
    Pending,
    /// <summary>Claimed by a dispatcher that is sending it right now; recorded before the send.</summary>
    Sending,
    Sent,
    Done,
    Dismissed,
    Cancelled,
    /// <summary>Fell due while the bot could not send it and was too stale to send late.</summary>
    Dropped,
    /// <summary>
    /// Fell due after the bot asked "pause for a while?" and before the organizer answered: kept, not sent,
    /// until they say or press anything; then it is due again, or cancelled if it no longer makes sense.
    /// </summary>
    Held,
    /// <summary>
    /// Claimed for sending by a pass that stopped before it could record the outcome (the process was killed, say):
    /// it may or may not have reached the organizer. Never sent again (each follow-up goes out at most once), and
    /// never counted as sent.
    /// </summary>
    Unconfirmed,
}

public enum FlowStatus
{
    Active,
    Completed,
    Cancelled,
    Expired,
}
