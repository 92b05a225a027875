using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// When each follow-up falls due. Bound from the "FollowUps" configuration section; durations use
/// the TimeSpan format ("01:00:00", "14.00:00:00").
/// </summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUps";

    /// <summary>How long before the start the pocket guide arrives.</summary>
    public TimeSpan PocketGuideLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after the planned end the bot asks whether the meeting happened.</summary>
    public TimeSpan DidYouMeetDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>First reflection prompt, counted from when the meeting was held.</summary>
    public TimeSpan ReflectionPromptDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Second (and last) reflection prompt, counted from when the meeting was held.</summary>
    public TimeSpan SecondReflectionPromptDelay { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan ThankYouDelay { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How long before a commitment is due the organizer is reminded to confirm it.</summary>
    public TimeSpan ConfirmCommitmentLead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// When the lead has already passed but the commitment is not yet due (it is due tomorrow morning
    /// and the outcome was recorded tonight), the reminder comes this long after planning instead,
    /// so it does not land on top of the outcome conversation. Never later than the due instant.
    /// </summary>
    public TimeSpan ConfirmCommitmentLateDelay { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RevisitMaybeDelay { get; set; } = TimeSpan.FromDays(3);

    /// <summary>After a "no" to the date (or a missed meeting), when to nudge for a new date.</summary>
    public TimeSpan OfferNewDateDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// After a 1:1 that ended with the next conversation "not yet" fixed, when to nudge the organizer to book it:
    /// soon enough that it can still fall within the two weeks the method suggests.
    /// </summary>
    public TimeSpan BookNextMeetingDelay { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// After a 1:1 that ended with no ask and no next conversation booked, the check-in comes this soon at the
    /// latest (METHOD.md §9: leave with the next step), instead of at the level's slower maintenance pace.
    /// </summary>
    public TimeSpan NoNextStepCheckIn { get; set; } = TimeSpan.FromDays(10);

    // Check-in paces by level (METHOD.md §7–§8: the aim is to move people up, so the least engaged are not the
    // least contacted). Core leaders carry the work and need support every two weeks; contributors are one small
    // task and a debrief away from regular involvement, so two weeks too; followers said they aren't ready to do
    // more yet, so every three weeks keeps the door open without pressing; active supporters are at most things
    // already, so the organizer sees them in between.

    public TimeSpan CorePace { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan ActivePace { get; set; } = TimeSpan.FromDays(21);

    public TimeSpan ContributorPace { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Also the pace for a person whose level is not known yet.</summary>
    public TimeSpan FollowerPace { get; set; } = TimeSpan.FromDays(21);

    /// <summary>How long someone can wait on the list without a meeting before the organizer is nudged.</summary>
    public TimeSpan UncontactedAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The goal is a number of 1:1s in this window (METHOD.md §1: four weeks).</summary>
    public TimeSpan GoalWindow { get; set; } = TimeSpan.FromDays(28);

    /// <summary>
    /// A nudge at most this overdue is still planned at its own time. Without it, a replan that
    /// happens a moment after a nudge fell due, before the scheduler fired it, would cancel it.
    /// </summary>
    public TimeSpan LateTolerance { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Quiet hours start, in the organizer's own time: no follow-up arrives between this and <see cref="QuietHoursEnd"/>.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>Quiet hours end; a follow-up due at night arrives at this time the next morning.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>
    /// A follow-up this late (the bot was down, say) is dropped and counted in the digest instead of
    /// arriving in a burst of stale nudges.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After this many follow-ups in a row go unanswered, the bot asks once whether to pause instead of sending more.</summary>
    public int UnansweredBeforePauseSuggestion { get; set; } = 3;

    /// <summary>
    /// A follow-up counts as unanswered only once it has waited this long: nudges that arrive together
    /// have not been ignored yet.
    /// </summary>
    public TimeSpan UnansweredAfter { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// How long to wait before retrying a follow-up the platform could not take. Short enough that
    /// Discord still remembers the first attempt's nonce (a few minutes), so an attempt that did arrive
    /// is not shown twice.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most follow-ups one dispatch pass sends; the rest wait for the next pass moments later.</summary>
    public int DispatchBatchSize { get; set; } = 500;

    /// <summary>Time between maintenance check-ins, by where the person stands on the pyramid.</summary>
    public TimeSpan MaintenancePace(EngagementLevel? level) => level switch
    {
        EngagementLevel.Core => CorePace,
        EngagementLevel.Active => ActivePace,
        EngagementLevel.Contributor => ContributorPace,
        _ => FollowerPace,
    };
}
