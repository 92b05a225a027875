using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Time;
using static OneOnOne.Core.Tests.FollowUps.FollowUpMessagesTests;

namespace OneOnOne.Core.Tests.FollowUps;

/// <summary>With every line the guide can carry at its longest (a referrer, three notes from last time), it still fits one message.</summary>
public class PocketGuideBudgetTests
{
    private static readonly TimeZoneInfo Berlin = Zones.TryFind("Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc;

    public static TheoryData<MeetingKind> Kinds => [.. Enum.GetValues<MeetingKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fits_with_a_referrer_and_every_note_at_its_longest(MeetingKind kind)
    {
        var essay = string.Join(' ', Enumerable.Repeat("a long thought about the campaign", 60));
        var meeting = FullMeeting();
        meeting.Kind = kind;
        meeting.Place = essay;
        meeting.Prep = new Prep { Goal = essay, TheirInterest = essay, MyStory = essay, Ask = essay, Alternatives = essay };
        Reflection[] earlier = [new() { CaresAbout = essay, DoDifferently = essay, LeadsNotFollowed = essay, CompletedAt = DateTimeOffset.UnixEpoch }];

        var text = AllText(PocketGuide.Build(9, meeting, essay, Berlin, Now, earlier, referredBy: essay));

        Assert.True(text.Length <= PocketGuide.MaxLength, $"{text.Length} characters\n{text}");
        Assert.Contains("Leads not followed: a long thought", text);
        Assert.Contains("Referred by a long thought", text);
        Assert.Contains(PocketGuide.MoreOnTheMethod, text);
    }
}
