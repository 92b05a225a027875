using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Time;
using static OneOnOne.Core.Tests.FollowUps.FollowUpMessagesTests;

namespace OneOnOne.Core.Tests.FollowUps;

public class PocketGuideTests
{
    private static readonly TimeZoneInfo Berlin = Zones.TryFind("Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc;

    public static TheoryData<MeetingKind> Kinds => [.. Enum.GetValues<MeetingKind>()];

    [Fact]
    public void Says_when_where_and_with_whom()
    {
        var text = AllText(PocketGuide.Build(9, FullMeeting(), "Ana Lopez", Berlin, Now));

        Assert.Contains("Ana Lopez", text);
        Assert.Contains("Tue 1 Dec, 18:30", text);
        Assert.Contains("45 min", text);
        Assert.Contains("Café Rio on Main Street", text);
    }

    private static readonly string[] FiveActs = ["Attention", "Interest", "Exploration", "Exchange", "Commitment"];

    [Fact]
    public void Walks_through_the_five_acts_in_order()
    {
        var text = AllText(PocketGuide.Build(9, FullMeeting(), "Ana Lopez", Berlin, Now));

        var positions = FiveActs
            .Select(act => text.IndexOf(act, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Carries_the_organizers_prep()
    {
        var text = AllText(PocketGuide.Build(9, FullMeeting(), "Ana Lopez", Berlin, Now));

        Assert.Contains("Find out whether Ana would lead a shift", text);
        Assert.Contains("Keeping the food bank open on weekends", text);
        Assert.Contains("Lead the Saturday shift in January", text);
        Assert.Contains("Help once a month instead", text);
    }

    [Fact]
    public void Reminds_the_habits()
    {
        var text = AllText(PocketGuide.Build(9, FullMeeting(), "Ana Lopez", Berlin, Now));

        Assert.Contains("twice as much as you talk", text);
        Assert.Contains("Phone away", text);
        Assert.Contains("who else you should talk to", text);
    }

    [Theory]
    [InlineData(MeetingKind.Recruitment, "What first drew you to this work?")]
    [InlineData(MeetingKind.Maintenance, "How is being involved going for you lately?")]
    [InlineData(MeetingKind.Maintenance, "What do you need from me or the team right now?")]
    [InlineData(MeetingKind.Escalation, "What would you like to take on next?")]
    [InlineData(MeetingKind.Escalation, "What kind of role would excite you?")]
    public void Asks_questions_that_fit_the_kind_of_meeting(MeetingKind kind, string question)
    {
        var meeting = FullMeeting();
        meeting.Kind = kind;

        var text = AllText(PocketGuide.Build(9, meeting, "Ana Lopez", Berlin, Now));

        Assert.Contains(question, text);
        foreach (var other in Enum.GetValues<MeetingKind>().Where(k => k != kind))
        {
            Assert.All(PocketGuide.Questions(other), q => Assert.DoesNotContain(q, text));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Offers_four_or_five_open_questions(MeetingKind kind)
    {
        var questions = PocketGuide.Questions(kind);

        Assert.InRange(questions.Count, 4, 5);
        Assert.All(questions, q => Assert.EndsWith("?", q));
        Assert.All(questions, q => Assert.False(
            q.StartsWith("Do ", StringComparison.Ordinal) || q.StartsWith("Are ", StringComparison.Ordinal)
            || q.StartsWith("Is ", StringComparison.Ordinal), $"closed question: {q}"));
    }

    [Fact]
    public void Ends_with_the_standard_row_for_its_follow_up()
    {
        var reply = PocketGuide.Build(9, FullMeeting(), "Ana Lopez", Berlin, Now);

        var last = Assert.IsType<ButtonsBlock>(reply.Blocks[^1]);
        Assert.Equal(
            ["c:followup 9 done", "c:followup 9 snooze-day", "c:followup 9 snooze-week", "c:followup 9 dismiss"],
            last.Buttons.Select(b => b.Payload));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Stays_within_the_length_budget_with_a_full_prep(MeetingKind kind)
    {
        var meeting = FullMeeting();
        meeting.Kind = kind;

        var text = AllText(PocketGuide.Build(9, meeting, "Ana Lopez", Berlin, Now));

        Assert.True(text.Length <= PocketGuide.MaxLength, $"{text.Length} characters");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Stays_within_the_length_budget_when_everything_is_long(MeetingKind kind)
    {
        var essay = string.Join(' ', Enumerable.Repeat("a long thought about the campaign", 60));
        var meeting = FullMeeting();
        meeting.Kind = kind;
        meeting.Place = essay;
        meeting.Prep = new Prep
        {
            Goal = essay, WhyThem = essay, TheirInterest = essay, KnownAndHoped = essay, MyStory = essay,
            Ask = essay, Alternatives = essay,
        };

        var text = AllText(PocketGuide.Build(9, meeting, essay, Berlin, Now));

        Assert.True(text.Length <= PocketGuide.MaxLength, $"{text.Length} characters");
        Assert.Contains("Your ask: a long thought", text);
        Assert.Contains("…", text);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Stays_within_the_length_budget_with_long_earlier_notes(MeetingKind kind)
    {
        var essay = string.Join(' ', Enumerable.Repeat("a long thought about the campaign", 60));
        var meeting = FullMeeting();
        meeting.Kind = kind;
        meeting.Place = essay;
        meeting.Prep = new Prep { Goal = essay, TheirInterest = essay, MyStory = essay, Ask = essay, Alternatives = essay };
        Reflection[] earlier = [new() { CaresAbout = essay, DoDifferently = essay, CompletedAt = DateTimeOffset.UnixEpoch }];

        var text = AllText(PocketGuide.Build(9, meeting, essay, Berlin, Now, earlier));

        Assert.True(text.Length <= PocketGuide.MaxLength, $"{text.Length} characters");
        Assert.Contains("Last time you noted", text);
        Assert.Contains("You'd do differently: a long thought", text);
    }

    [Fact]
    public void Recalls_what_they_care_about_and_what_to_do_differently_from_the_latest_notes()
    {
        Reflection[] earlier =
        [
            new() { CaresAbout = "Her kids' school", DoDifferently = "Talk less", CompletedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) },
            new() { CaresAbout = "Tenant rights", DidWell = "Listened", CompletedAt = new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero) },
        ];
        var meeting = FullMeeting();
        meeting.Prep.MyStory = "My eviction scare";

        var text = AllText(PocketGuide.Build(9, meeting, "Ana Lopez", Berlin, Now, earlier));

        Assert.Contains("Last time you noted\nCares about: Tenant rights\nYou'd do differently: Talk less", text);
        Assert.Contains("Your story: My eviction scare", text);
        Assert.DoesNotContain("Her kids' school", text);
        Assert.DoesNotContain("Listened", text);
    }

    [Fact]
    public void Says_nothing_about_last_time_before_a_first_reflection()
    {
        var text = AllText(PocketGuide.Build(9, FullMeeting(), "Ana Lopez", Berlin, Now, [new Reflection { Referrals = "Grace" }]));

        Assert.DoesNotContain("Last time", text);
    }

    [Fact]
    public void Nothing_throws_without_prep_time_place_or_name()
    {
        var meeting = new Meeting { Kind = MeetingKind.Maintenance, DurationMinutes = 0 };

        var reply = PocketGuide.Build(9, meeting, "  ", Berlin, Now);

        var text = AllText(reply);
        Assert.Contains("Your 1:1 is coming up", text);
        Assert.Contains("No prep saved", text);
        Assert.Contains("How is being involved going for you lately?", text);
        Assert.IsType<ButtonsBlock>(reply.Blocks[^1]);
    }

    [Fact]
    public void Shows_only_the_prep_that_was_filled()
    {
        var meeting = FullMeeting();
        meeting.Prep = new Prep { Ask = "Come to the January training" };

        var text = AllText(PocketGuide.Build(9, meeting, "Ana Lopez", Berlin, Now));

        Assert.Contains("Your ask: Come to the January training", text);
        Assert.DoesNotContain("Your goal", text);
        Assert.DoesNotContain("If it's a no or a maybe", text);
        Assert.DoesNotContain("No prep saved", text);
    }

    [Fact]
    public void A_first_recruitment_meeting_without_an_ask_may_save_it_for_later()
    {
        var meeting = FullMeeting();
        meeting.Prep.Ask = null;

        var text = AllText(PocketGuide.Build(9, meeting, "Ana Lopez", Berlin, Now));

        Assert.Contains("meet again", text);
    }
}
