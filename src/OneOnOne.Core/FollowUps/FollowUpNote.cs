using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// Everything <see cref="FollowUpMessages.Compose"/> needs to word one nudge. It goes only to the organizer
/// who owns the meeting, so the meeting's prep and outcome may appear in the text (never in a button payload).
/// </summary>
/// <param name="FollowUpId">The follow-up row; every button on the nudge carries it.</param>
/// <param name="Kind">Which nudge this is.</param>
/// <param name="PersonName">Who it is about; null for the organizer-level kinds (goal pace, uncontacted people).</param>
/// <param name="PersonId">The person's id, for buttons that run a command about them.</param>
/// <param name="Meeting">
/// The meeting the nudge belongs to, with its prep and outcome loaded; null for the organizer-level kinds.
/// </param>
/// <param name="Zone">The organizer's time zone, for every time shown.</param>
/// <param name="Now">When the nudge goes out: a date far from it shows its year.</param>
public sealed record FollowUpNote(
    int FollowUpId,
    FollowUpKind Kind,
    string? PersonName,
    int? PersonId,
    Meeting? Meeting,
    TimeZoneInfo Zone,
    DateTimeOffset Now)
{
    /// <summary>
    /// For the pocket guide: the organizer's own reflections on earlier 1:1s with the person (see
    /// <see cref="EarlierNotes.EarlierNotesAsync"/>), so it can say what they noted last time.
    /// </summary>
    public IReadOnlyList<Reflection> Earlier { get; init; } = [];

    /// <summary>
    /// For the pocket guide: who referred the person, as the meeting's organizer recorded it (see
    /// <see cref="EarlierNotes.ReferrerAsync"/>), so the guide can suggest asking them for an introduction.
    /// </summary>
    public string? ReferredBy { get; init; }

    /// <summary>
    /// Where the person stands on the pyramid when the nudge goes out (it may have changed since the meeting), so a
    /// maintenance check-in can suggest the step that fits; null when they are not placed yet.
    /// </summary>
    public EngagementLevel? Level { get; init; }
}
