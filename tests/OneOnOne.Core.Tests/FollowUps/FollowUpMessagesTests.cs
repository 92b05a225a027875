using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Tests.FollowUps;

public class FollowUpMessagesTests
{
    private const int Id = 42;
    private const int PersonId = 7;

    // 1 December 2026 is a Tuesday; 17:30 UTC is 18:30 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);

    internal static readonly DateTimeOffset Now = Start.AddDays(-1);

    private static readonly TimeZoneInfo Berlin = Zones.TryFind("Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc;

    private static readonly string[] StandardPayloads =
    [
        "c:followup 42 done", "c:followup 42 snooze-day", "c:followup 42 snooze-week", "c:followup 42 dismiss",
    ];

    private static readonly string[] StandardLabels = ["Done", "Snooze 1 day", "Snooze 1 week", "Not needed"];

    public static TheoryData<FollowUpKind> AllKinds => [.. Enum.GetValues<FollowUpKind>()];

    public static TheoryData<FollowUpKind> KindsWithTheStandardRow =>
        [.. Enum.GetValues<FollowUpKind>().Where(k => k != FollowUpKind.DidYouMeet)];

    // ---- Every kind

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_kind_has_text_and_buttons(FollowUpKind kind)
    {
        var reply = FollowUpMessages.Compose(Note(kind, FullMeeting()));

        Assert.False(string.IsNullOrWhiteSpace(AllText(reply)));
        Assert.IsType<ButtonsBlock>(reply.Blocks[^1]);
        Assert.Empty(reply.Elsewhere);
    }

    [Theory]
    [MemberData(nameof(KindsWithTheStandardRow))]
    public void Every_kind_but_did_you_meet_ends_with_the_standard_row(FollowUpKind kind)
    {
        var reply = FollowUpMessages.Compose(Note(kind, FullMeeting()));

        var last = Assert.IsType<ButtonsBlock>(reply.Blocks[^1]);
        Assert.Equal(StandardLabels, last.Buttons.Select(b => b.Label));
        Assert.Equal(StandardPayloads, last.Buttons.Select(b => b.Payload));
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_button_runs_a_command_and_carries_no_private_text(FollowUpKind kind)
    {
        var reply = FollowUpMessages.Compose(Note(kind, FullMeeting()));

        foreach (var button in Buttons(reply))
        {
            Assert.True(Payloads.TryParseCommand(button.Payload, out var command), button.Payload);
            Assert.DoesNotContain("Ana", command);
            Assert.DoesNotContain("food bank", command);
            Assert.DoesNotContain("Café", command);
        }
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Nothing_throws_when_the_meeting_has_no_prep_place_or_dates(FollowUpKind kind)
    {
        var bare = new Meeting { PersonId = PersonId, Kind = MeetingKind.Recruitment, Status = MeetingStatus.Held };

        var reply = FollowUpMessages.Compose(Note(kind, bare));

        Assert.False(string.IsNullOrWhiteSpace(AllText(reply)));
        Assert.DoesNotContain("“”", AllText(reply));
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Nothing_throws_without_a_meeting_a_name_or_a_person_id(FollowUpKind kind)
    {
        var reply = FollowUpMessages.Compose(new FollowUpNote(Id, kind, null, null, null, TimeZoneInfo.Utc, Now));

        Assert.False(string.IsNullOrWhiteSpace(AllText(reply)));
        Assert.DoesNotContain("#", string.Join(' ', Buttons(reply).Select(b => b.Payload)));
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Falls_back_to_the_loaded_person_when_no_name_is_given(FollowUpKind kind)
    {
        if (kind is FollowUpKind.GoalPace or FollowUpKind.UncontactedPeople)
        {
            return;
        }

        var meeting = FullMeeting();
        meeting.Person = new Person { Name = "Bea Kim", NormalizedName = "bea kim" };

        var reply = FollowUpMessages.Compose(new FollowUpNote(Id, kind, null, PersonId, meeting, Berlin, Now));

        Assert.Contains("Bea", AllText(reply));
    }

    // ---- Did you meet

    [Fact]
    public void Did_you_meet_offers_held_moved_and_missed_instead_of_done()
    {
        var reply = FollowUpMessages.Compose(Note(FollowUpKind.DidYouMeet, FullMeeting()));

        var row = Assert.Single(reply.Blocks.OfType<ButtonsBlock>());
        Assert.Equal(["Held", "Moved", "Didn't happen", "Snooze 1 day", "Not needed"], row.Buttons.Select(b => b.Label));
        Assert.Equal(
            ["c:met #7", "c:followup 42 moved", "c:followup 42 missed", "c:followup 42 snooze-day", "c:followup 42 dismiss"],
            row.Buttons.Select(b => b.Payload));
    }

    [Fact]
    public void Did_you_meet_names_the_person_and_the_time_in_their_zone()
    {
        var text = AllText(FollowUpMessages.Compose(Note(FollowUpKind.DidYouMeet, FullMeeting())));

        Assert.Contains("Ana Lopez", text);
        Assert.Contains("Tue 1 Dec, 18:30", text);
    }

    [Fact]
    public void Did_you_meet_without_a_person_id_still_offers_moved_and_missed()
    {
        var reply = FollowUpMessages.Compose(new FollowUpNote(Id, FollowUpKind.DidYouMeet, "Ana", null, null, Berlin, Now));

        var labels = Buttons(reply).Select(b => b.Label).ToList();
        Assert.DoesNotContain("Held", labels);
        Assert.Contains("Moved", labels);
        Assert.Contains("Didn't happen", labels);
    }

    // ---- Reflection prompt

    [Fact]
    public void Reflection_prompt_has_a_reflect_now_button_before_the_standard_row()
    {
        var reply = FollowUpMessages.Compose(Note(FollowUpKind.ReflectionPrompt, FullMeeting()));

        var buttons = Buttons(reply);
        Assert.Equal("Reflect now", buttons[0].Label);
        Assert.Equal("c:reflect #7", buttons[0].Payload);
        Assert.Equal(StandardPayloads, buttons.Skip(1).Select(b => b.Payload));
        Assert.Contains("Ana Lopez", AllText(reply));
    }

    // ---- Thank you

    [Fact]
    public void Thank_you_suggests_a_line_to_send_without_quoting_private_notes()
    {
        var text = AllText(FollowUpMessages.Compose(Note(FollowUpKind.ThankYou, FullMeeting())));

        Assert.Contains("thank", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("“Hi Ana,", text);
        Assert.DoesNotContain("food bank", text);
        Assert.DoesNotContain("Saturday shift", text);
    }

    [Fact]
    public void Thank_you_has_only_the_standard_row()
    {
        var reply = FollowUpMessages.Compose(Note(FollowUpKind.ThankYou, FullMeeting()));

        Assert.Equal(StandardPayloads, Buttons(reply).Select(b => b.Payload));
    }

    // ---- Confirm commitment

    [Fact]
    public void Confirm_commitment_reminds_what_and_when_in_the_organizers_zone()
    {
        var meeting = FullMeeting();
        meeting.CommitmentDueAt = new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

        var text = AllText(FollowUpMessages.Compose(Note(FollowUpKind.ConfirmCommitment, meeting)));

        Assert.Contains("Lead the Saturday shift", text);
        Assert.Contains("Sat 5 Dec, 09:00", text);
        Assert.Contains("confirm", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Confirm_commitment_reads_well_without_a_commitment_or_a_date()
    {
        var meeting = FullMeeting();
        meeting.Commitment = null;
        meeting.CommitmentDueAt = null;

        var text = AllText(FollowUpMessages.Compose(Note(FollowUpKind.ConfirmCommitment, meeting)));

        Assert.Contains("Ana Lopez said yes", text);
        Assert.DoesNotContain("due", text);
    }

    // ---- Revisit maybe

    [Fact]
    public void Revisit_maybe_quotes_the_note_and_the_prepared_alternatives()
    {
        var meeting = FullMeeting();
        meeting.Answer = AskAnswer.Maybe;
        meeting.AnswerNote = "busy until the exams are over";

        var text = AllText(FollowUpMessages.Compose(Note(FollowUpKind.RevisitMaybe, meeting)));

        Assert.Contains("maybe", text);
        Assert.Contains("busy until the exams are over", text);
        Assert.Contains("Help once a month instead", text);
        Assert.Contains("Lead the Saturday shift", text);
    }

    [Fact]
    public void Revisit_maybe_without_alternatives_suggests_a_smaller_step()
    {
        var meeting = FullMeeting();
        meeting.Prep.Alternatives = null;

        var text = AllText(FollowUpMessages.Compose(Note(FollowUpKind.RevisitMaybe, meeting)));

        Assert.Contains("smaller first step", text);
    }

    // ---- Offer a new date

    [Fact]
    public void Offer_new_date_after_a_no_to_the_date_has_a_pick_a_new_time_button()
    {
        var meeting = FullMeeting();
        meeting.Answer = AskAnswer.No;
        meeting.NoReason = NoReason.Date;

        var reply = FollowUpMessages.Compose(Note(FollowUpKind.OfferNewDate, meeting));

        var buttons = Buttons(reply);
        Assert.Equal("Pick a new time", buttons[0].Label);
        Assert.Equal("c:followup 42 moved", buttons[0].Payload);
        Assert.Equal(StandardPayloads, buttons.Skip(1).Select(b => b.Payload));
        Assert.Contains("no to the time", AllText(reply));
    }

    [Fact]
    public void Offer_new_date_after_a_missed_meeting_says_it_did_not_happen()
    {
        var meeting = FullMeeting();
        meeting.Status = MeetingStatus.Missed;
        meeting.Answer = null;

        var text = AllText(FollowUpMessages.Compose(Note(FollowUpKind.OfferNewDate, meeting)));

        Assert.Contains("didn't happen", text);
        Assert.DoesNotContain("said no", text);
    }

    // ---- Maintenance check-in

    [Fact]
    public void Maintenance_check_in_offers_to_plan_one()
    {
        var meeting = FullMeeting();
        meeting.HeldAt = Start;

        var reply = FollowUpMessages.Compose(Note(FollowUpKind.MaintenanceCheckIn, meeting));

        var buttons = Buttons(reply);
        Assert.Equal("Plan a check-in", buttons[0].Label);
        Assert.Equal("c:plan #7 maintenance", buttons[0].Payload);
        Assert.Equal(StandardPayloads, buttons.Skip(1).Select(b => b.Payload));
        Assert.Contains("Tue 1 Dec", AllText(reply));
    }

    // ---- Organizer-level nudges

    [Theory]
    [InlineData(FollowUpKind.GoalPace)]
    [InlineData(FollowUpKind.UncontactedPeople)]
    public void Organizer_level_nudges_point_to_the_list(FollowUpKind kind)
    {
        var reply = FollowUpMessages.Compose(new FollowUpNote(Id, kind, null, null, null, Berlin, Now));

        Assert.Contains("`list`", AllText(reply));
        var buttons = Buttons(reply);
        Assert.Equal("c:list", buttons[0].Payload);
        Assert.Equal(StandardPayloads, buttons.Skip(1).Select(b => b.Payload));
    }

    [Fact]
    public void Goal_pace_is_encouraging_about_the_four_week_window()
    {
        var text = AllText(FollowUpMessages.Compose(new FollowUpNote(Id, FollowUpKind.GoalPace, null, null, null, Berlin, Now)));

        Assert.Contains("halfway", text);
        Assert.Contains("back on track", text);
    }

    // ---- Pocket guide

    [Fact]
    public void Pocket_guide_kind_is_the_pocket_guide()
    {
        var meeting = FullMeeting();

        var composed = FollowUpMessages.Compose(Note(FollowUpKind.PocketGuide, meeting));
        var built = PocketGuide.Build(Id, meeting, "Ana Lopez", Berlin, Now);

        Assert.Equal(AllText(built), AllText(composed).Replace($"\nReminder #{Id}", string.Empty, StringComparison.Ordinal));
        Assert.Equal(Buttons(built), Buttons(composed));
    }

    [Theory]
    [InlineData(FollowUpKind.PocketGuide)]
    [InlineData(FollowUpKind.DidYouMeet)]
    [InlineData(FollowUpKind.ThankYou)]
    [InlineData(FollowUpKind.GoalPace)]
    public void Every_reminder_shows_its_reference_just_above_its_buttons(FollowUpKind kind)
    {
        var reply = FollowUpMessages.Compose(Note(kind, FullMeeting()));

        var reference = reply.Blocks.ToList().FindIndex(b => b is TextBlock { Text: var t } && t == $"Reminder #{Id}");
        Assert.True(reference >= 0, AllText(reply));
        Assert.IsType<ButtonsBlock>(reply.Blocks[reference + 1]);
    }

    // ---- Helpers

    [Fact]
    public void Long_names_and_notes_are_clipped_to_one_line()
    {
        var meeting = FullMeeting();
        meeting.Commitment = "line one\nline two " + new string('x', 1000);

        var reply = FollowUpMessages.Compose(new FollowUpNote(
            Id, FollowUpKind.ConfirmCommitment, new string('N', 500), PersonId, meeting, Berlin, Now));

        var text = AllText(reply);
        Assert.Contains("line one line two", text);
        Assert.Contains("…", text);
        Assert.True(text.Length < 1000, $"{text.Length} characters");
    }

    internal static Meeting FullMeeting() => new()
    {
        Id = 3,
        PersonId = PersonId,
        Kind = MeetingKind.Recruitment,
        Status = MeetingStatus.Held,
        StartsAt = Start,
        DurationMinutes = 45,
        Place = "Café Rio on Main Street",
        Answer = AskAnswer.Yes,
        AnswerNote = null,
        Commitment = "Lead the Saturday shift at the food bank",
        CommitmentDueAt = Start.AddDays(4),
        Prep = new Prep
        {
            Goal = "Find out whether Ana would lead a shift",
            TheirInterest = "Keeping the food bank open on weekends",
            Ask = "Lead the Saturday shift in January",
            Alternatives = "Help once a month instead",
        },
    };

    internal static string AllText(Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        HeaderBlock h => h.Text,
        TextBlock t => t.Text,
        _ => string.Empty,
    }).Where(t => t.Length > 0));

    internal static List<Button> Buttons(Reply reply) => [.. reply.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons)];

    private static FollowUpNote Note(FollowUpKind kind, Meeting meeting) =>
        kind is FollowUpKind.GoalPace or FollowUpKind.UncontactedPeople
            ? new FollowUpNote(Id, kind, null, null, null, Berlin, Now)
            : new FollowUpNote(Id, kind, "Ana Lopez", PersonId, meeting, Berlin, Now);
}
