using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;

namespace OneOnOne.Core.Tests.FollowUps;

public class FollowUpPlannerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly FollowUpPlanner planner = new(new FollowUpOptions());

    // ---- Scheduled

    [Fact]
    public void A_scheduled_meeting_gets_a_pocket_guide_an_hour_before()
    {
        var start = Now.AddDays(2);

        var plan = planner.ForMeeting(Scheduled(start), Now);

        Assert.Equal([start.AddHours(-1)], DueTimes(plan, FollowUpKind.PocketGuide));
    }

    [Fact]
    public void A_scheduled_meeting_asks_did_you_meet_half_an_hour_after_it_ends()
    {
        var start = Now.AddDays(2);

        var plan = planner.ForMeeting(Scheduled(start, minutes: 40), Now);

        Assert.Equal([start.AddMinutes(40 + 30)], DueTimes(plan, FollowUpKind.DidYouMeet));
    }

    [Fact]
    public void A_scheduled_meeting_gets_nothing_but_the_pocket_guide_and_did_you_meet()
    {
        var start = Now.AddDays(2);

        var plan = planner.ForMeeting(Scheduled(start), Now);

        Assert.Equal(
            [new(FollowUpKind.PocketGuide, start.AddHours(-1)), new PlannedFollowUp(FollowUpKind.DidYouMeet, start.AddMinutes(75))],
            plan);
    }

    [Fact]
    public void A_pocket_guide_whose_hour_has_passed_comes_at_once_while_the_meeting_is_still_ahead()
    {
        var plan = planner.ForMeeting(Scheduled(Now.AddMinutes(20)), Now);

        Assert.Equal([Now], DueTimes(plan, FollowUpKind.PocketGuide));
    }

    [Fact]
    public void A_pocket_guide_only_minutes_overdue_keeps_its_time_so_a_replan_does_not_move_it()
    {
        var start = Now.AddMinutes(50);

        var plan = planner.ForMeeting(Scheduled(start), Now);

        Assert.Equal([start.AddHours(-1)], DueTimes(plan, FollowUpKind.PocketGuide));
    }

    [Fact]
    public void A_meeting_that_has_started_gets_no_pocket_guide()
    {
        var plan = planner.ForMeeting(Scheduled(Now.AddMinutes(-5)), Now);

        Assert.Empty(DueTimes(plan, FollowUpKind.PocketGuide));
    }

    [Fact]
    public void Did_you_meet_is_asked_at_once_when_the_meeting_ended_long_ago()
    {
        var plan = planner.ForMeeting(Scheduled(Now.AddDays(-3)), Now);

        Assert.Equal([new PlannedFollowUp(FollowUpKind.DidYouMeet, Now)], plan);
    }

    // ---- Held

    [Fact]
    public void A_held_meeting_prompts_reflection_two_hours_after_and_again_the_next_day()
    {
        var plan = planner.ForMeeting(Held(Now), Now);

        Assert.Equal([Now.AddHours(2), Now.AddDays(1)], DueTimes(plan, FollowUpKind.ReflectionPrompt));
    }

    [Fact]
    public void No_reflection_prompt_once_the_reflection_is_done()
    {
        var plan = planner.ForMeeting(Held(Now) with { ReflectionDone = true }, Now);

        Assert.Empty(DueTimes(plan, FollowUpKind.ReflectionPrompt));
    }

    [Fact]
    public void A_held_meeting_gets_a_thank_you_three_hours_after()
    {
        var plan = planner.ForMeeting(Held(Now), Now);

        Assert.Equal([Now.AddHours(3)], DueTimes(plan, FollowUpKind.ThankYou));
    }

    [Fact]
    public void A_held_meeting_without_an_answer_gets_reflection_prompts_a_thank_you_and_a_check_in_within_two_weeks()
    {
        var plan = planner.ForMeeting(Held(Now) with { Level = EngagementLevel.Active }, Now);

        Assert.Equal(
            [
                new(FollowUpKind.ReflectionPrompt, Now.AddHours(2)),
                new(FollowUpKind.ThankYou, Now.AddHours(3)),
                new(FollowUpKind.ReflectionPrompt, Now.AddDays(1)),
                new PlannedFollowUp(FollowUpKind.MaintenanceCheckIn, Now.AddDays(10)),
            ],
            plan);
    }

    [Fact]
    public void A_held_meeting_recorded_without_a_time_counts_from_its_start()
    {
        var start = Now.AddHours(-1);
        var facts = Held(Now) with { StartsAt = start, HeldAt = null };

        var plan = planner.ForMeeting(facts, Now);

        Assert.Equal([start.AddHours(3)], DueTimes(plan, FollowUpKind.ThankYou));
    }

    [Fact]
    public void A_yes_with_a_due_date_is_confirmed_a_day_before_it_is_due()
    {
        var facts = Held(Now) with { Answer = AskAnswer.Yes, CommitmentDueAt = Now.AddDays(7) };

        var plan = planner.ForMeeting(facts, Now);

        Assert.Equal([Now.AddDays(6)], DueTimes(plan, FollowUpKind.ConfirmCommitment));
    }

    [Fact]
    public void A_commitment_due_within_a_day_is_confirmed_an_hour_from_now()
    {
        var facts = Held(Now) with { Answer = AskAnswer.Yes, CommitmentDueAt = Now.AddHours(10) };

        var plan = planner.ForMeeting(facts, Now);

        Assert.Equal([Now.AddHours(1)], DueTimes(plan, FollowUpKind.ConfirmCommitment));
    }

    [Fact]
    public void A_commitment_due_within_the_hour_is_confirmed_no_later_than_it_is_due()
    {
        var facts = Held(Now) with { Answer = AskAnswer.Yes, CommitmentDueAt = Now.AddMinutes(30) };

        var plan = planner.ForMeeting(facts, Now);

        Assert.Equal([Now.AddMinutes(30)], DueTimes(plan, FollowUpKind.ConfirmCommitment));
    }

    [Fact]
    public void A_commitment_already_done_is_not_confirmed()
    {
        var facts = Held(Now) with { Answer = AskAnswer.Yes, CommitmentDueAt = Now.AddDays(7), CommitmentDone = true };

        Assert.Empty(DueTimes(planner.ForMeeting(facts, Now), FollowUpKind.ConfirmCommitment));
    }

    [Fact]
    public void A_commitment_already_past_due_is_not_confirmed()
    {
        var facts = Held(Now.AddDays(-5)) with { Answer = AskAnswer.Yes, CommitmentDueAt = Now.AddHours(-1) };

        Assert.Empty(DueTimes(planner.ForMeeting(facts, Now), FollowUpKind.ConfirmCommitment));
    }

    [Fact]
    public void A_yes_without_a_due_date_is_not_confirmed()
    {
        var facts = Held(Now) with { Answer = AskAnswer.Yes };

        Assert.Empty(DueTimes(planner.ForMeeting(facts, Now), FollowUpKind.ConfirmCommitment));
    }

    [Fact]
    public void A_maybe_is_revisited_three_days_later()
    {
        var plan = planner.ForMeeting(Held(Now) with { Answer = AskAnswer.Maybe }, Now);

        Assert.Equal([Now.AddDays(3)], DueTimes(plan, FollowUpKind.RevisitMaybe));
        Assert.Equal(Now.AddDays(3), planner.RevisitMaybeAt(Now, Now));
    }

    [Fact]
    public void A_maybe_recorded_after_its_revisit_day_gets_no_revisit()
    {
        var heldAt = Now.AddDays(-5);
        var plan = planner.ForMeeting(Held(heldAt) with { Answer = AskAnswer.Maybe }, Now);

        Assert.Empty(DueTimes(plan, FollowUpKind.RevisitMaybe));
        Assert.Null(planner.RevisitMaybeAt(heldAt, Now));
    }

    [Fact]
    public void A_no_to_the_date_gets_a_new_date_offered_the_next_day()
    {
        var plan = planner.ForMeeting(Held(Now) with { Answer = AskAnswer.No, NoReason = NoReason.Date }, Now);

        Assert.Equal([Now.AddDays(1)], DueTimes(plan, FollowUpKind.OfferNewDate));
    }

    [Fact]
    public void A_no_to_the_activity_gets_no_new_date_offer()
    {
        var plan = planner.ForMeeting(Held(Now) with { Answer = AskAnswer.No, NoReason = NoReason.Activity }, Now);

        Assert.Empty(DueTimes(plan, FollowUpKind.OfferNewDate));
    }

    [Theory]
    [InlineData(EngagementLevel.Core, 14)]
    [InlineData(EngagementLevel.Active, 21)]
    [InlineData(EngagementLevel.Contributor, 14)]
    [InlineData(EngagementLevel.Follower, 21)]
    [InlineData(null, 21)]
    public void The_maintenance_check_in_comes_at_the_pace_of_the_persons_level(EngagementLevel? level, int days)
    {
        var plan = planner.ForMeeting(Held(Now) with { Level = level, Answer = AskAnswer.Yes }, Now);

        Assert.Equal([Now.AddDays(days)], DueTimes(plan, FollowUpKind.MaintenanceCheckIn));
    }

    [Fact]
    public void Nudges_whose_moment_has_passed_are_left_out()
    {
        var heldAt = Now.AddDays(-2);

        var plan = planner.ForMeeting(Held(heldAt) with { Answer = AskAnswer.Maybe }, Now);

        Assert.Equal(
            [new(FollowUpKind.RevisitMaybe, heldAt.AddDays(3)), new PlannedFollowUp(FollowUpKind.MaintenanceCheckIn, heldAt.AddDays(21))],
            plan);
    }

    [Fact]
    public void An_outcome_recorded_hours_late_keeps_only_what_is_still_ahead()
    {
        var heldAt = Now.AddHours(-4);

        var plan = planner.ForMeeting(Held(heldAt), Now);

        Assert.Equal([heldAt.AddDays(1)], DueTimes(plan, FollowUpKind.ReflectionPrompt));
        Assert.Empty(DueTimes(plan, FollowUpKind.ThankYou));
    }

    // ---- Other states

    [Theory]
    [InlineData(MeetingStatus.Planned)]
    [InlineData(MeetingStatus.Cancelled)]
    public void Planned_and_cancelled_meetings_get_no_follow_ups(MeetingStatus status)
    {
        var facts = Scheduled(Now.AddDays(2)) with { Status = status };

        Assert.Empty(planner.ForMeeting(facts, Now));
    }

    [Fact]
    public void A_missed_meeting_gets_a_new_date_offered_a_day_after_it_should_have_ended()
    {
        var start = Now.AddHours(-2);
        var facts = Scheduled(start) with { Status = MeetingStatus.Missed };

        var plan = planner.ForMeeting(facts, Now);

        Assert.Equal([new PlannedFollowUp(FollowUpKind.OfferNewDate, start.AddMinutes(45).AddDays(1))], plan);
    }

    [Fact]
    public void A_missed_meeting_recorded_days_late_gets_no_stale_offer()
    {
        var facts = Scheduled(Now.AddDays(-3)) with { Status = MeetingStatus.Missed };

        Assert.Empty(planner.ForMeeting(facts, Now));
    }

    [Fact]
    public void Timings_come_from_the_options()
    {
        var custom = new FollowUpPlanner(new FollowUpOptions
        {
            PocketGuideLead = TimeSpan.FromHours(3),
            DidYouMeetDelay = TimeSpan.FromHours(1),
        });
        var start = Now.AddDays(2);

        var plan = custom.ForMeeting(Scheduled(start, minutes: 30), Now);

        Assert.Equal(
            [new(FollowUpKind.PocketGuide, start.AddHours(-3)), new PlannedFollowUp(FollowUpKind.DidYouMeet, start.AddMinutes(90))],
            plan);
    }

    [Fact]
    public void Facts_are_read_from_the_meeting()
    {
        var meeting = new Meeting
        {
            Status = MeetingStatus.Held,
            StartsAt = Now,
            DurationMinutes = 30,
            HeldAt = Now.AddMinutes(5),
            Answer = AskAnswer.Yes,
            Commitment = "Bring two neighbours to the tenants' meeting",
            CommitmentDueAt = Now.AddDays(7),
            CommitmentDoneAt = Now.AddDays(6),
            Reflections = [new Reflection()],
        };

        var facts = MeetingFacts.From(meeting, EngagementLevel.Contributor);

        Assert.Equal(
            new MeetingFacts(MeetingStatus.Held, Now, 30, Now.AddMinutes(5), AskAnswer.Yes, null, Now.AddDays(7),
                CommitmentDone: true, ReflectionDone: true, EngagementLevel.Contributor),
            facts);
        Assert.Equal(Now.AddMinutes(30), facts.EndsAt);
    }

    // ---- Goal pace

    [Theory]
    [InlineData(8, 3)]
    [InlineData(5, 2)]
    [InlineData(1, 0)]
    public void A_goal_behind_pace_gets_one_nudge_halfway_through_the_four_weeks(int goal, int held)
    {
        var setAt = Now.AddDays(-3);

        var nudge = planner.GoalPace(goal, setAt, held, Now);

        Assert.Equal(new PlannedFollowUp(FollowUpKind.GoalPace, setAt.AddDays(14)), nudge);
    }

    [Theory]
    [InlineData(8, 4)]
    [InlineData(5, 3)]
    [InlineData(8, 9)]
    public void No_goal_pace_nudge_once_half_the_goal_is_held(int goal, int held)
    {
        Assert.Null(planner.GoalPace(goal, Now.AddDays(-3), held, Now));
    }

    [Fact]
    public void No_goal_pace_nudge_without_a_goal()
    {
        Assert.Null(planner.GoalPace(null, Now.AddDays(-3), 0, Now));
        Assert.Null(planner.GoalPace(0, Now.AddDays(-3), 0, Now));
        Assert.Null(planner.GoalPace(8, null, 0, Now));
    }

    [Fact]
    public void No_goal_pace_nudge_once_the_midpoint_has_passed()
    {
        Assert.Null(planner.GoalPace(8, Now.AddDays(-20), 1, Now));
    }

    // ---- Uncontacted people

    [Fact]
    public void Someone_on_the_list_two_weeks_without_a_meeting_brings_one_nudge()
    {
        var nudge = planner.Uncontacted([Now.AddDays(-3), Now.AddDays(-10), Now.AddDays(-1)], Now);

        Assert.Equal(new PlannedFollowUp(FollowUpKind.UncontactedPeople, Now.AddDays(4)), nudge);
    }

    [Fact]
    public void Someone_who_has_already_waited_longer_brings_the_nudge_now()
    {
        var nudge = planner.Uncontacted([Now.AddDays(-20)], Now);

        Assert.Equal(new PlannedFollowUp(FollowUpKind.UncontactedPeople, Now), nudge);
    }

    [Fact]
    public void Nobody_waiting_means_no_uncontacted_nudge()
    {
        Assert.Null(planner.Uncontacted([], Now));
    }

    // ---- Helpers

    [Fact]
    public void With_the_organizers_zone_a_pocket_guide_in_the_night_comes_the_evening_before()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTimeOffset(2025, 3, 5, 6, 0, 0, TimeSpan.Zero); // 07:00 in Berlin: an hour before is quiet

        var plan = planner.ForMeeting(Scheduled(start), Now, berlin);

        Assert.Equal([new DateTimeOffset(2025, 3, 4, 19, 0, 0, TimeSpan.Zero)], DueTimes(plan, FollowUpKind.PocketGuide)); // 20:00 Berlin
        Assert.Equal([start - TimeSpan.FromHours(1)], DueTimes(planner.ForMeeting(Scheduled(start), Now), FollowUpKind.PocketGuide));
    }

    private static MeetingFacts Scheduled(DateTimeOffset startsAt, int minutes = Meeting.DefaultMinutes) =>
        new(MeetingStatus.Scheduled, startsAt, minutes, HeldAt: null, Answer: null, NoReason: null,
            CommitmentDueAt: null, CommitmentDone: false, ReflectionDone: false, Level: null);

    private static MeetingFacts Held(DateTimeOffset heldAt) =>
        Scheduled(heldAt) with { Status = MeetingStatus.Held, HeldAt = heldAt };

    private static List<DateTimeOffset> DueTimes(IEnumerable<PlannedFollowUp> plan, FollowUpKind kind) =>
        [.. plan.Where(p => p.Kind == kind).Select(p => p.DueAt)];
}
