using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Time;
using static OneOnOne.Core.Tests.FollowUps.FollowUpMessagesTests;

namespace OneOnOne.Core.Tests.FollowUps;

/// <summary>
/// A maintenance check-in carries one concrete step up the pyramid (METHOD.md §8 and §9), fitted to the person's
/// level and to what the organizer noted they care about.
/// </summary>
public sealed class MovingUpCheckInTests
{
    private const int PersonId = 7;

    private static readonly TimeZoneInfo Berlin = Zones.TryFind("Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc;

    [Fact]
    public void A_follower_is_invited_to_something_tied_to_what_they_care_about_and_introduced_there()
    {
        var text = AllText(CheckIn(EngagementLevel.Follower, Reflected(caresAbout: "keeping her kids in their school")));

        Assert.Contains("Maria is a follower", text);
        Assert.Contains("invite them to a meeting or event about keeping her kids in their school", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("introduce", text);
        Assert.Contains("afterwards", text);
    }

    [Fact]
    public void A_contributor_is_offered_a_small_task_and_a_debrief()
    {
        var text = AllText(CheckIn(EngagementLevel.Contributor, Reflected(caresAbout: "safer streets")));

        Assert.Contains("small task", text);
        Assert.Contains("safer streets", text);
        Assert.Contains("debrief", text);
    }

    [Fact]
    public void An_active_supporter_is_asked_about_a_role_and_offered_an_escalation_1on1()
    {
        var meeting = Reflected(caresAbout: "tenants' rights", role: "running the phone bank");

        var reply = CheckIn(EngagementLevel.Active, meeting);

        Assert.Contains("running the phone bank", AllText(reply));
        Assert.Contains("training", AllText(reply));
        Assert.Contains(Buttons(reply), b => b.Label == "Plan an escalation 1:1" && b.Payload == "c:plan #7 escalation");
    }

    [Fact]
    public void A_core_leader_is_asked_what_they_need_and_who_else_to_talk_to()
    {
        var text = AllText(CheckIn(EngagementLevel.Core, Reflected(caresAbout: "safer streets")));

        Assert.Contains("who else", text);
        Assert.Contains("what they need", text);
    }

    [Fact]
    public void Without_a_reflection_the_interest_noted_in_the_prep_is_used()
    {
        var meeting = Held();
        meeting.Prep.TheirInterest = "the bus route to the clinic";

        Assert.Contains("the bus route to the clinic", AllText(CheckIn(EngagementLevel.Follower, meeting)));
    }

    [Fact]
    public void With_nothing_noted_the_step_asks_the_organizer_to_find_out_what_they_care_about()
    {
        var text = AllText(CheckIn(null, Held()));

        Assert.Contains("Maria isn't placed on the pyramid yet", text);
        Assert.Contains("what they care about", text);
        Assert.Contains("level Maria", text);
    }

    [Fact]
    public void Without_a_name_the_step_reads_well_and_offers_no_command()
    {
        var reply = FollowUpMessages.Compose(
            new FollowUpNote(42, FollowUpKind.MaintenanceCheckIn, null, PersonId, Held(), Berlin, Now));

        Assert.Contains("They aren't placed on the pyramid yet", AllText(reply));
        Assert.DoesNotContain("`level", AllText(reply));
    }

    [Fact]
    public void What_they_care_about_never_goes_into_a_button()
    {
        var reply = CheckIn(EngagementLevel.Active, Reflected(caresAbout: "safer streets", role: "running the phone bank"));

        Assert.All(Buttons(reply), b => Assert.DoesNotContain("streets", b.Payload));
        Assert.All(Buttons(reply), b => Assert.DoesNotContain("phone bank", b.Payload));
    }

    [Fact]
    public void A_long_note_is_clipped_so_the_step_stays_a_sentence_or_two()
    {
        var text = AllText(CheckIn(EngagementLevel.Contributor, Reflected(caresAbout: new string('x', 500))));

        Assert.DoesNotContain(new string('x', 200), text);
        Assert.Contains("…", text);
    }

    private static Reply CheckIn(EngagementLevel? level, Meeting meeting) =>
        FollowUpMessages.Compose(new FollowUpNote(42, FollowUpKind.MaintenanceCheckIn, "Maria", PersonId, meeting, Berlin, Now) { Level = level });

    private static Meeting Held() => new()
    {
        PersonId = PersonId,
        Kind = MeetingKind.Recruitment,
        Status = MeetingStatus.Held,
        HeldAt = Now.AddDays(-21),
    };

    private static Meeting Reflected(string caresAbout, string? role = null)
    {
        var meeting = Held();
        meeting.Reflections.Add(new Reflection { CaresAbout = caresAbout, Role = role, CompletedAt = Now.AddDays(-20) });
        return meeting;
    }
}
