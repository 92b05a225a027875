using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Method;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Method;

/// <summary>
/// Texts meant to be read in one go fit one message on every platform, and help's parts one Slack section each. Both adapters already split longer
/// texts safely (Discord's TextSplitter at paragraph, line or word breaks under 2,000 characters; the Slack
/// renderer into sections of at most 3,000), so this holds the reference texts to one message: a guide topic
/// or the pocket guide cut in two would be read in two pieces on Discord.
/// </summary>
public sealed class MessageLengthTests : IAsyncLifetime
{
    /// <summary>Discord's limit for one message, the stricter of the two platforms.</summary>
    private const int OneMessage = 2000;

    /// <summary>Room a renderer may add around each block (bold header markers, blank lines between blocks).</summary>
    private const int PerBlockMarkup = 8;

    private readonly BotHarness _bot = new();

    /// <summary>Slack's limit for one section; help is longer than one Discord message and is split there at line breaks.</summary>
    private const int OneSection = 3000;

    public static TheoryData<string> GuideCommands =>
        [.. GuideTopics.All.Select(topic => $"guide {topic.Name}").Prepend("guide")];

    public static TheoryData<MeetingKind> Kinds => [.. Enum.GetValues<MeetingKind>()];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [MemberData(nameof(GuideCommands))]
    public async Task Each_guide_screen_fits_one_message(string command)
    {
        var ana = _bot.Organizer("Ana");

        await ana.Command(command);

        var length = MessageLength(ana.Last.SelectMany(o => o.Blocks));
        Assert.True(length <= OneMessage, $"`{command}` needs {length} characters");
    }

    [Fact]
    public async Task Each_part_of_help_fits_one_slack_section()
    {
        var ana = _bot.Organizer("Ana");

        await ana.Command("help");

        Assert.All(ana.Last.SelectMany(o => o.Blocks).OfType<TextBlock>(),
            block => Assert.True(block.Text.Length <= OneSection, $"a help block needs {block.Text.Length} characters"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_pocket_guide_fits_one_message_with_long_notes(MeetingKind kind)
    {
        var essay = string.Join(' ', Enumerable.Repeat("a long thought about the campaign", 60));
        var meeting = new Meeting
        {
            Kind = kind,
            StartsAt = new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero),
            DurationMinutes = 45,
            Place = essay,
            Prep = new Prep { Goal = essay, WhyThem = essay, TheirInterest = essay, KnownAndHoped = essay, MyStory = essay, Ask = essay, Alternatives = essay },
        };
        Reflection[] earlier =
        [
            new()
            {
                CommonGround = essay, CaresAbout = essay, Excites = essay, Story = essay, DoDifferently = essay,
                LeadsNotFollowed = essay, Referrals = essay, CompletedAt = DateTimeOffset.UnixEpoch,
            },
        ];

        var guide = PocketGuide.Build(9, meeting, essay, TimeZoneInfo.Utc, BotHarness.Start, earlier);

        var length = MessageLength(guide.Blocks);
        Assert.True(length <= OneMessage, $"the pocket guide needs {length} characters");
    }

    private static int MessageLength(IEnumerable<Block> blocks) =>
        blocks.Sum(block => block switch
        {
            HeaderBlock header => header.Text.Length + PerBlockMarkup,
            TextBlock text => text.Text.Length + PerBlockMarkup,
            _ => 0,
        });
}
