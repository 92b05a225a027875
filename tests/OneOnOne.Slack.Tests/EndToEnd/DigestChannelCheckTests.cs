using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Storage;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>The digest channel is checked with conversations.info when it is chosen, and the fix is told then.</summary>
public sealed class DigestChannelCheckTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_slack, SlackTransport.SocketMode);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_channel_the_bot_is_in_is_confirmed_after_asking_Slack_with_the_token_in_the_header()
    {
        var answer = await _bot.Person("UANA").Command("digest channel <#C0ORG|organizing>", "The weekly digest will go to #organizing,");

        Assert.DoesNotContain("can't", answer.AllText, StringComparison.Ordinal);
        var call = Assert.Single(_slack.Calls("conversations.info"));
        Assert.Equal(("GET", "C0ORG", FakeSlack.BotToken), (call.Verb, call.Form["channel"], call.Token));
        Assert.Null(call.Json);
    }

    [Fact]
    public async Task A_channel_the_bot_is_not_in_is_kept_and_the_organizer_is_told_to_invite_it()
    {
        _slack.AddChannel("C0NEW", "new-members", isMember: false);

        var answer = await _bot.Person("UANA").Command("digest channel <#C0NEW|new-members>", "I can't post there yet");

        Assert.Contains("I'm not a member of #new-members yet: type `/invite @oneonone` in #new-members.", answer.AllText, StringComparison.Ordinal);
        Assert.Contains("run `digest channel #new-members` again", answer.AllText, StringComparison.Ordinal);
        Assert.Equal("C0NEW", await DigestChannelAsync());
    }

    [Fact]
    public async Task An_archived_channel_is_named_as_archived()
    {
        _slack.AddChannel("C0OLD", "old-campaign", isMember: true, isArchived: true);

        var answer = await _bot.Person("UANA").Command("digest channel <#C0OLD|old-campaign>", "I can't post there yet");

        Assert.Contains("#old-campaign is archived", answer.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C0GONE")]   // deleted, or never was
    [InlineData("G0SECRET")] // private, and the bot isn't in it: Slack says the same
    public async Task A_channel_Slack_cannot_find_for_the_bot_is_explained_with_the_private_channel_fix(string id)
    {
        _slack.AddChannel("G0SECRET", "secret", isMember: false, isPrivate: true);

        var answer = await _bot.Person("UANA").Command($"digest channel <#{id}|hidden>", "I can't post there yet");

        Assert.Contains("Slack can't find that channel for me", answer.AllText, StringComparison.Ordinal);
        Assert.Contains("/invite @oneonone", answer.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Slack_outage_keeps_the_channel_and_says_it_will_be_checked_when_the_digest_is_posted()
    {
        _slack.Fail("conversations.info", "C0ORG", Enumerable.Repeat(Fault.ServerError(500), 5).ToArray());

        var answer = await _bot.Person("UANA").Command("digest channel <#C0ORG|organizing>", "The weekly digest will go to #organizing,");

        Assert.Contains("couldn't check just now", answer.AllText, StringComparison.Ordinal);
        Assert.Equal("C0ORG", await DigestChannelAsync());
    }

    [Fact]
    public async Task An_app_installed_without_the_read_scopes_is_not_blamed_on_the_channel_and_the_operator_is_told_which_scopes()
    {
        _slack.Fail("conversations.info", "C0ORG", Fault.NotOk("missing_scope"));

        var answer = await _bot.Person("UANA").Command("digest channel <#C0ORG|organizing>", "The weekly digest will go to #organizing,");

        Assert.Contains("couldn't check just now", answer.AllText, StringComparison.Ordinal);
        Assert.Contains(_bot.Logs.Lines, e => e.Message.Contains("channels:read", StringComparison.Ordinal) && e.Message.Contains("groups:read", StringComparison.Ordinal));
    }

    private async Task<string?> DigestChannelAsync()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOneOnOneStore>().Teams.Select(t => t.DigestChannel).SingleAsync();
    }
}
