using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;

namespace OneOnOne.Core.Tests.FollowUps;

public sealed class DeliveryDecisionTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 17, 0, 0, TimeSpan.Zero); // 12:00 in New York
    private readonly FollowUpOptions _options = new();

    [Fact]
    public void A_due_relevant_nudge_at_noon_is_sent() =>
        Assert.IsType<DeliveryDecision.Send>(Decide(ThankYou(), new Organizer { ExternalUserId = "a", DisplayName = "A" }));

    [Fact]
    public void Nudges_off_drops_it() =>
        Assert.IsType<DeliveryDecision.Drop>(Decide(ThankYou(), new Organizer { ExternalUserId = "a", DisplayName = "A", NudgesOff = true }));

    [Fact]
    public void More_than_a_day_late_drops_it()
    {
        var late = ThankYou();
        late.DueAt = Noon - TimeSpan.FromHours(25);
        Assert.IsType<DeliveryDecision.Drop>(Decide(late, Someone()));
    }

    [Fact]
    public void A_pocket_guide_for_a_meeting_that_already_started_is_cancelled()
    {
        var guide = new FollowUp
        {
            Kind = FollowUpKind.PocketGuide,
            DueAt = Noon,
            Meeting = new Meeting { Status = MeetingStatus.Scheduled, StartsAt = Noon - TimeSpan.FromMinutes(5) },
        };
        Assert.IsType<DeliveryDecision.Cancel>(Decide(guide, Someone()));
    }

    [Fact]
    public void At_night_it_waits_for_the_morning()
    {
        var night = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero); // 22:00 in New York
        var decision = DeliveryDecision.For(ThankYou(night), Someone(), 0, night, NewYork, _options);
        Assert.Equal(new DeliveryDecision.Defer(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero)), decision);
    }

    [Fact]
    public void After_three_unanswered_it_suggests_a_pause_once_then_holds_until_an_answer()
    {
        var organizer = Someone();
        Assert.IsType<DeliveryDecision.SuggestPause>(DeliveryDecision.For(ThankYou(), organizer, 3, Noon, NewYork, _options));

        organizer.PauseSuggestedAt = Noon - TimeSpan.FromHours(1);
        Assert.IsType<DeliveryDecision.Hold>(DeliveryDecision.For(ThankYou(), organizer, 4, Noon, NewYork, _options));

        organizer.LastSeenAt = Noon - TimeSpan.FromMinutes(10);
        Assert.IsType<DeliveryDecision.Send>(DeliveryDecision.For(ThankYou(), organizer, 0, Noon, NewYork, _options));
    }

    [Fact]
    public void A_pocket_guide_that_quiet_hours_would_push_past_its_1_1_goes_now()
    {
        var night = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero); // 22:00 in New York
        var guide = new FollowUp
        {
            Kind = FollowUpKind.PocketGuide,
            DueAt = night,
            Meeting = new Meeting { Status = MeetingStatus.Scheduled, StartsAt = night + TimeSpan.FromHours(1) },
        };
        Assert.IsType<DeliveryDecision.Send>(DeliveryDecision.For(guide, Someone(), 0, night, NewYork, _options));

        guide.Meeting.StartsAt = night + TimeSpan.FromHours(12);
        Assert.IsType<DeliveryDecision.Defer>(DeliveryDecision.For(guide, Someone(), 0, night, NewYork, _options));
    }

    private DeliveryDecision Decide(FollowUp followUp, Organizer organizer) =>
        DeliveryDecision.For(followUp, organizer, 0, Noon, NewYork, _options);

    private static Organizer Someone() => new() { ExternalUserId = "a", DisplayName = "A" };

    private static FollowUp ThankYou(DateTimeOffset? due = null) => new()
    {
        Kind = FollowUpKind.ThankYou,
        DueAt = due ?? Noon,
        Meeting = new Meeting { Status = MeetingStatus.Held, HeldAt = Noon - TimeSpan.FromHours(3) },
    };
}
