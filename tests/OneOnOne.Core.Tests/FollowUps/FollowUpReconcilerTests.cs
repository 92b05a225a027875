using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;

namespace OneOnOne.Core.Tests.FollowUps;

public class FollowUpReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly FollowUpPlanner planner = new(new FollowUpOptions());

    [Fact]
    public void Planned_follow_ups_with_no_rows_yet_are_added()
    {
        var planned = planner.ForMeeting(Scheduled(Now.AddDays(2)), Now);

        var changes = FollowUpReconciler.Reconcile([], planned);

        Assert.Equal(planned, changes.ToAdd);
        Assert.Empty(changes.ToCancel);
        Assert.Empty(changes.ToMove);
    }

    [Fact]
    public void An_unchanged_plan_changes_nothing()
    {
        var planned = planner.ForMeeting(Scheduled(Now.AddDays(2)), Now);

        var changes = FollowUpReconciler.Reconcile(RowsFor(planned), planned);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void A_moved_meeting_moves_its_pending_pocket_guide_and_did_you_meet()
    {
        var rows = RowsFor(planner.ForMeeting(Scheduled(Now.AddDays(2)), Now));
        var newStart = Now.AddDays(5);

        var changes = FollowUpReconciler.Reconcile(rows, planner.ForMeeting(Scheduled(newStart), Now.AddHours(1)));

        Assert.Equal(
            [(rows[0], newStart.AddHours(-1)), (rows[1], newStart.AddMinutes(75))],
            changes.ToMove);
        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToCancel);
    }

    [Fact]
    public void A_cancelled_meeting_cancels_its_pending_follow_ups_and_leaves_sent_ones_alone()
    {
        var start = Now.AddMinutes(30);
        var guide = Row(1, FollowUpKind.PocketGuide, start.AddHours(-1), FollowUpStatus.Sent);
        var didYouMeet = Row(2, FollowUpKind.DidYouMeet, start.AddMinutes(75));

        var planned = planner.ForMeeting(Scheduled(start) with { Status = MeetingStatus.Cancelled }, Now);
        var changes = FollowUpReconciler.Reconcile([guide, didYouMeet], planned);

        Assert.Equal([didYouMeet], changes.ToCancel);
        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToMove);
    }

    [Theory]
    [InlineData(FollowUpStatus.Sent)]
    [InlineData(FollowUpStatus.Done)]
    [InlineData(FollowUpStatus.Dismissed)]
    public void A_follow_up_already_sent_is_not_added_again(FollowUpStatus status)
    {
        var sent = Row(1, FollowUpKind.ThankYou, Now.AddHours(-1), status);

        var changes = FollowUpReconciler.Reconcile([sent], [new(FollowUpKind.ThankYou, Now.AddHours(2))]);

        Assert.True(changes.IsEmpty);
    }

    [Theory]
    [InlineData(FollowUpStatus.Cancelled)]
    [InlineData(FollowUpStatus.Dropped)]
    public void A_cancelled_or_dropped_row_does_not_stop_it_being_planned_again(FollowUpStatus status)
    {
        var old = Row(1, FollowUpKind.RevisitMaybe, Now.AddDays(1), status);
        var revisit = new PlannedFollowUp(FollowUpKind.RevisitMaybe, Now.AddDays(3));

        var changes = FollowUpReconciler.Reconcile([old], [revisit]);

        Assert.Equal([revisit], changes.ToAdd);
        Assert.Empty(changes.ToCancel);
        Assert.Empty(changes.ToMove);
    }

    [Fact]
    public void Recording_the_outcome_cancels_did_you_meet_and_adds_the_after_meeting_nudges()
    {
        var start = Now.AddHours(-1);
        var guide = Row(1, FollowUpKind.PocketGuide, start.AddHours(-1), FollowUpStatus.Sent);
        var didYouMeet = Row(2, FollowUpKind.DidYouMeet, start.AddMinutes(75));
        var held = Scheduled(start) with { Status = MeetingStatus.Held, HeldAt = start, Answer = AskAnswer.Maybe };

        var changes = FollowUpReconciler.Reconcile([guide, didYouMeet], planner.ForMeeting(held, Now));

        Assert.Equal([didYouMeet], changes.ToCancel);
        Assert.Equal(
            [
                FollowUpKind.ReflectionPrompt, FollowUpKind.ThankYou, FollowUpKind.ReflectionPrompt,
                FollowUpKind.RevisitMaybe, FollowUpKind.MaintenanceCheckIn,
            ],
            changes.ToAdd.OrderBy(p => p.DueAt).Select(p => p.Kind));
        Assert.Empty(changes.ToMove);
    }

    [Fact]
    public void Reflection_prompts_are_matched_occurrence_by_occurrence()
    {
        var first = Row(1, FollowUpKind.ReflectionPrompt, Now.AddHours(2));
        var second = Row(2, FollowUpKind.ReflectionPrompt, Now.AddDays(1));

        var changes = FollowUpReconciler.Reconcile(
            [second, first],
            [new(FollowUpKind.ReflectionPrompt, Now.AddHours(3)), new(FollowUpKind.ReflectionPrompt, Now.AddDays(1).AddHours(1))]);

        Assert.Equal([(second, Now.AddDays(1).AddHours(1)), (first, Now.AddHours(3))], changes.ToMove);
        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToCancel);
    }

    [Fact]
    public void With_the_first_reflection_prompt_sent_the_remaining_one_is_the_second()
    {
        var heldAt = Now.AddHours(-4);
        var first = Row(1, FollowUpKind.ReflectionPrompt, heldAt.AddHours(2), FollowUpStatus.Sent);
        var second = Row(2, FollowUpKind.ReflectionPrompt, heldAt.AddDays(1));

        var changes = FollowUpReconciler.Reconcile([first, second], [new(FollowUpKind.ReflectionPrompt, heldAt.AddDays(1))]);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void A_first_reflection_prompt_gone_stale_is_cancelled_and_the_second_kept()
    {
        var heldAt = Now.AddHours(-4);
        var first = Row(1, FollowUpKind.ReflectionPrompt, heldAt.AddHours(2));
        var second = Row(2, FollowUpKind.ReflectionPrompt, heldAt.AddDays(1));

        var changes = FollowUpReconciler.Reconcile([first, second], [new(FollowUpKind.ReflectionPrompt, heldAt.AddDays(1))]);

        Assert.Equal([first], changes.ToCancel);
        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToMove);
    }

    [Fact]
    public void Writing_the_reflection_cancels_the_prompts_still_pending()
    {
        var first = Row(1, FollowUpKind.ReflectionPrompt, Now.AddHours(-1), FollowUpStatus.Sent);
        var second = Row(2, FollowUpKind.ReflectionPrompt, Now.AddHours(20));
        var thankYou = Row(3, FollowUpKind.ThankYou, Now.AddHours(-1), FollowUpStatus.Done);
        var checkIn = Row(4, FollowUpKind.MaintenanceCheckIn, Now.AddHours(-3).AddDays(21));
        var reflected = Scheduled(Now.AddHours(-3)) with
        {
            Status = MeetingStatus.Held,
            HeldAt = Now.AddHours(-3),
            ReflectionDone = true,
            Answer = AskAnswer.Yes,
        };

        var changes = FollowUpReconciler.Reconcile([first, second, thankYou, checkIn], planner.ForMeeting(reflected, Now));

        Assert.Equal([second], changes.ToCancel);
        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToMove);
    }

    [Fact]
    public void Turning_a_maybe_into_a_yes_cancels_the_revisit_and_plans_the_confirmation()
    {
        var revisit = Row(1, FollowUpKind.RevisitMaybe, Now.AddDays(2));
        var confirm = new PlannedFollowUp(FollowUpKind.ConfirmCommitment, Now.AddDays(6));

        var changes = FollowUpReconciler.Reconcile([revisit], [confirm]);

        Assert.Equal([revisit], changes.ToCancel);
        Assert.Equal([confirm], changes.ToAdd);
        Assert.Empty(changes.ToMove);
    }

    [Fact]
    public void A_duplicate_pending_row_is_cancelled()
    {
        var one = Row(1, FollowUpKind.ThankYou, Now.AddHours(3));
        var twin = Row(2, FollowUpKind.ThankYou, Now.AddHours(3));

        var changes = FollowUpReconciler.Reconcile([one, twin], [new(FollowUpKind.ThankYou, Now.AddHours(3))]);

        Assert.Equal([one], changes.ToCancel);
        Assert.Empty(changes.ToAdd);
        Assert.Empty(changes.ToMove);
    }

    private static MeetingFacts Scheduled(DateTimeOffset startsAt) =>
        new(MeetingStatus.Scheduled, startsAt, Meeting.DefaultMinutes, HeldAt: null, Answer: null, NoReason: null,
            CommitmentDueAt: null, CommitmentDone: false, ReflectionDone: false, Level: null);

    private static FollowUp Row(int id, FollowUpKind kind, DateTimeOffset dueAt, FollowUpStatus status = FollowUpStatus.Pending) =>
        new() { Id = id, Kind = kind, DueAt = dueAt, Status = status };

    private static List<FollowUp> RowsFor(IEnumerable<PlannedFollowUp> planned) =>
        [.. planned.Select((p, i) => Row(i + 1, p.Kind, p.DueAt))];
}
