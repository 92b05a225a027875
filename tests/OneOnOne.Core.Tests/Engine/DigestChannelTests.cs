using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Choosing the digest channel: the platform is asked then whether the bot can post there, and the organizer
/// is told the fix at once; the channel, day and time can be set in one go; every time shown says its zone.
/// </summary>
public sealed class DigestChannelTests : IAsyncLifetime
{
    private readonly FakeChannelCheck _check = new();
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHarness(services => services.AddSingleton<IPlatformChannelCheck>(_check));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_channel_the_bot_can_post_in_is_confirmed_after_asking_the_platform()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("digest channel #organizing"))
            .Expect("The weekly digest will go to #organizing, Mondays at 09:00 (America/New_York).", "First one: Mon 30 Nov, 09:00")
            .ExpectNot("can't", "couldn't");
        Assert.Equal(new ToChannel("test", "T1", "organizing"), Assert.Single(_check.Asked));
    }

    [Fact]
    public async Task A_channel_the_bot_cannot_post_in_is_kept_and_the_fix_is_told_at_once()
    {
        var ana = _bot.Organizer("Ana");
        _check.Answer = new ChannelAccess.Closed("I'm not a member of #organizing yet: type `/invite @oneonone` in #organizing.");

        (await ana.Command("digest channel #organizing"))
            .Expect("I'm not a member of #organizing yet: type `/invite @oneonone` in #organizing.",
                "kept #organizing as the digest channel", "won't go out until",
                "run `digest channel #organizing` again")
            .ExpectNot("will go to", "First one");
        Assert.Equal("organizing", await DigestChannelAsync());

        _check.Answer = new ChannelAccess.Open();
        (await ana.Command("digest channel #organizing")).Expect("The weekly digest will go to #organizing,");
    }

    [Fact]
    public async Task A_channel_that_could_not_be_checked_is_kept_and_checked_when_the_digest_is_posted()
    {
        var ana = _bot.Organizer("Ana");
        _check.Answer = new ChannelAccess.Unknown();

        (await ana.Command("digest channel #organizing"))
            .Expect("The weekly digest will go to #organizing,", "couldn't check just now", "I'll tell you by DM");
        Assert.Equal("organizing", await DigestChannelAsync());
    }

    [Fact]
    public async Task A_check_that_breaks_is_taken_as_not_checked_and_never_loses_the_choice()
    {
        var ana = _bot.Organizer("Ana");
        _check.Failure = new HttpRequestException("connection reset");

        (await ana.Command("digest channel #organizing"))
            .Expect("The weekly digest will go to #organizing,", "couldn't check just now")
            .ExpectNot("something went wrong", "connection reset");
        Assert.Equal("organizing", await DigestChannelAsync());
    }

    [Fact]
    public async Task The_channel_day_and_time_are_set_together_with_one_reply_that_states_both()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("digest channel <#C0ORG|organizing> thursday 07:00"))
            .Expect("The weekly digest will go to #organizing, Thursdays at 07:00 (America/New_York).",
                "First one: Thu 3 Dec, 07:00 (America/New_York).");
        var team = await _bot.QueryAsync(s => s.Teams.SingleAsync());
        Assert.Equal(("C0ORG", DayOfWeek.Thursday, new TimeOnly(7, 0)), (team.DigestChannel, team.DigestDay, team.DigestTime));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero), team.NextDigestAt);
    }

    [Fact]
    public async Task The_channel_day_time_and_zone_are_set_together()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("digest channel #organizing monday 9am Europe/Berlin"))
            .Expect("The weekly digest will go to #organizing, Mondays at 09:00 (Europe/Berlin).",
                "First one: Mon 30 Nov, 09:00 (Europe/Berlin), 03:00 your time (America/New_York).");
    }

    [Fact]
    public async Task A_channel_the_bot_cannot_post_in_still_takes_the_day_and_time_and_says_so()
    {
        var ana = _bot.Organizer("Ana");
        _check.Answer = new ChannelAccess.Closed("#organizing is archived.");

        (await ana.Command("digest channel #organizing friday 17:00"))
            .Expect("#organizing is archived.", "kept #organizing as the digest channel", "Fridays at 17:00 (America/New_York)")
            .ExpectNot("will go to");
        var team = await _bot.QueryAsync(s => s.Teams.SingleAsync());
        Assert.Equal(("organizing", DayOfWeek.Friday), (team.DigestChannel, team.DigestDay));
    }

    [Theory]
    [InlineData("digest channel #organizing thursday 25:00", "thursday 25:00")]
    [InlineData("digest channel #organizing someday 07:00", "someday 07:00")]
    [InlineData("digest channel #organizing tomorrow 5pm", "tomorrow 5pm")]
    public async Task A_bad_day_or_time_after_a_good_channel_changes_nothing_and_says_so(string command, string named)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("digest channel #team");

        (await ana.Command(command))
            .Expect($"“{named}”", "I haven't changed anything", "digest channel #organizing monday 09:00")
            .ExpectNot("will go to", "kept");
        var team = await _bot.QueryAsync(s => s.Teams.SingleAsync());
        Assert.Equal(("team", DayOfWeek.Monday, new TimeOnly(9, 0)), (team.DigestChannel, team.DigestDay, team.DigestTime));
        Assert.Single(_check.Asked);
    }

    [Fact]
    public async Task An_unknown_zone_after_a_good_channel_changes_nothing_and_says_so()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("digest channel #organizing monday 09:00 Mars/Base"))
            .Expect("I don't know the time zone “Mars/Base”", "I haven't changed anything")
            .ExpectNot("will go to");
        Assert.Null(await DigestChannelAsync());
    }

    [Fact]
    public async Task The_reported_case_a_UTC_digest_shown_to_a_New_York_organizer_labels_both_times()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("digest time thursday 06:29 UTC"))
            .Expect("due Thursdays at 06:29 (UTC); next on Thu 3 Dec, 06:29 (UTC), 01:29 your time (America/New_York).");
        (await ana.Command("digest channel #organizing"))
            .Expect("Thursdays at 06:29 (UTC)", "First one: Thu 3 Dec, 06:29 (UTC), 01:29 your time (America/New_York).");
        (await ana.Command("digest"))
            .Expect("Thursdays at 06:29 (UTC); next on Thu 3 Dec, 06:29 (UTC), 01:29 your time (America/New_York).");
    }

    [Fact]
    public async Task A_digest_due_on_another_day_in_the_organizers_zone_shows_that_day_too()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("digest time friday 02:00 Etc/UTC"))
            .Expect("next on Fri 27 Nov, 02:00 (Etc/UTC), Thu 26 Nov, 21:00 your time (America/New_York).");
    }

    private Task<string?> DigestChannelAsync() => _bot.QueryAsync(s => s.Teams.Select(t => t.DigestChannel).SingleOrDefaultAsync());

    private sealed class FakeChannelCheck : IPlatformChannelCheck
    {
        public string Platform => "test";

        public ChannelAccess Answer { get; set; } = new ChannelAccess.Open();

        public Exception? Failure { get; set; }

        public List<ToChannel> Asked { get; } = [];

        public Task<ChannelAccess> CheckAsync(ToChannel channel, CancellationToken cancellationToken)
        {
            Asked.Add(channel);
            return Failure is { } failure ? Task.FromException<ChannelAccess>(failure) : Task.FromResult(Answer);
        }
    }
}
