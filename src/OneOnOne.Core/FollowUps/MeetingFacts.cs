using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>The facts about a 1:1 that decide its follow-ups; everything else about a meeting is irrelevant to them.</summary>
/// <param name="Level">The person's current level on the engagement pyramid; sets the maintenance pace.</param>
/// <param name="NextMeetingBooked">A later 1:1 with the person is already booked (or held): it plans its own follow-ups.</param>
/// <param name="BookNextPlanned">
/// The organizer left the 1:1 with the next conversation "not yet" fixed, and a nudge to book it was planned: that
/// nudge is the early follow-up, so nothing else hurries.
/// </param>
public sealed record MeetingFacts(
    MeetingStatus Status,
    DateTimeOffset? StartsAt,
    int DurationMinutes,
    DateTimeOffset? HeldAt,
    AskAnswer? Answer,
    NoReason? NoReason,
    DateTimeOffset? CommitmentDueAt,
    bool CommitmentDone,
    bool ReflectionDone,
    EngagementLevel? Level,
    bool NextMeetingBooked = false,
    bool BookNextPlanned = false)
{
    public DateTimeOffset? EndsAt => StartsAt?.AddMinutes(DurationMinutes);

    /// <summary>Reads the facts from a meeting. Its <see cref="Meeting.Reflections"/> must be loaded.</summary>
    public static MeetingFacts From(Meeting m, EngagementLevel? level, bool nextMeetingBooked = false, bool bookNextPlanned = false) => new(
        m.Status,
        m.StartsAt,
        m.DurationMinutes,
        m.HeldAt,
        m.Answer,
        m.NoReason,
        m.CommitmentDueAt,
        CommitmentDone: m.CommitmentDoneAt is not null,
        ReflectionDone: m.IsReflectedOn,
        level,
        nextMeetingBooked,
        bookNextPlanned);
}
