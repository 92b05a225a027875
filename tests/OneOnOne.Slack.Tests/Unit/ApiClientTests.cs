using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Conversation;
using OneOnOne.Slack.Tests.Fakes;

namespace OneOnOne.Slack.Tests.Unit;

/// <summary>The Web API client against the fake: errors typed, 429 per method and channel, 5xx retried, lookups cached.</summary>
public sealed class ApiClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private ServiceProvider _services = null!;
    private SlackApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(new SlackOptions { BotToken = FakeSlack.BotToken, AppToken = FakeSlack.AppToken, ApiBaseUrl = _slack.ApiBaseUrl }))
            .AddSlackWebApi()
            .BuildServiceProvider();
        _api = _services.GetRequiredService<SlackApiClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Ok_false_becomes_a_typed_error_with_Slacks_code()
    {
        _slack.Fail("chat.postMessage", "C0GONE", Fault.NotOk("channel_not_found"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _api.PostMessageAsync("C0GONE", "hi", null, CancellationToken.None));

        Assert.Equal(("chat.postMessage", "channel_not_found", false), (error.Method, error.Error, error.Transient));
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task A_rate_limited_channel_waits_while_other_channels_go_on()
    {
        _slack.Fail("chat.postMessage", "C0BUSY", Fault.RateLimited(2));

        var busy = _api.PostMessageAsync("C0BUSY", "to the busy channel", null, CancellationToken.None);
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Fault is not null);
        var free = await _api.PostMessageAsync("C0FREE", "to the free channel", null, CancellationToken.None);
        var late = await busy;

        Assert.Equal(["C0FREE", "C0BUSY"], _slack.Posts.Select(p => p.Channel));
        Assert.Equal(("C0FREE", "C0BUSY"), (free.Channel, late.Channel));
        Assert.Equal(2, _slack.Calls("chat.postMessage").Count(c => c.Channel == "C0BUSY"));
    }

    [Fact]
    public async Task Server_errors_are_retried_and_then_reported_as_transient()
    {
        _slack.Fail("conversations.open", null, Fault.ServerError(500), Fault.ServerError(502));
        Assert.Equal("DUANA", await _api.OpenDirectMessageAsync("UANA", CancellationToken.None));
        Assert.Equal(3, _slack.Calls("conversations.open").Count);

        _slack.Fail("conversations.open", null, Enumerable.Repeat(Fault.ServerError(), SlackWebApi.MaxFailedAttempts).ToArray());
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _api.OpenDirectMessageAsync("UANA", CancellationToken.None));
        Assert.True(error.Transient);
        Assert.Equal("http_503", error.Error);
    }

    [Fact]
    public async Task A_post_whose_answer_was_lost_is_reported_not_sent_twice_while_a_repeatable_call_is_tried_again()
    {
        _slack.Fail("chat.postMessage", "C0LOST", Fault.HangUp());
        var lost = await Assert.ThrowsAsync<SlackApiException>(() => _api.PostMessageAsync("C0LOST", "hello", null, CancellationToken.None));
        Assert.Equal(("connection_failed", true), (lost.Error, lost.Transient));
        Assert.Single(_slack.Calls("chat.postMessage"));

        _slack.AddUser("UANA", "Ana Garcia");
        _slack.Fail("users.info", null, Fault.HangUp());
        var ana = await _api.GetUserAsync("UANA", CancellationToken.None);
        Assert.Equal("Ana Garcia", ana.RealName);
        Assert.Equal(2, _slack.Calls("users.info").Count);

        // A post, but one that opens the DM that exists or finds it: the same however often it is sent.
        _slack.Fail("conversations.open", null, Fault.HangUp());
        Assert.Equal("DUANA", await _api.OpenDirectMessageAsync("UANA", CancellationToken.None));
        Assert.Equal(2, _slack.Calls("conversations.open").Count);
    }

    [Fact]
    public async Task Users_are_read_by_query_with_the_token_in_the_header_and_cached()
    {
        _slack.AddUser("UANA", "Ana Garcia", "America/Los_Angeles", "ana");
        var directory = new SlackUserDirectory(_api, TimeProvider.System, NullLogger<SlackUserDirectory>.Instance);

        var first = await directory.FindAsync("UANA", CancellationToken.None);
        var second = await directory.FindAsync("UANA", CancellationToken.None);
        var nobody = await directory.FindAsync("UNOBODY", CancellationToken.None);

        Assert.Equal(("Ana Garcia", "America/Los_Angeles"), (first!.BestName, first.TimeZone));
        Assert.Same(first, second);
        Assert.Null(nobody);
        var call = Assert.Single(_slack.Calls("users.info"), c => c.Form["user"] == "UANA");
        Assert.Equal(("GET", FakeSlack.BotToken, null), (call.Verb, call.Token, call.Json));
    }

    [Fact]
    public async Task Socket_URLs_are_opened_with_the_app_token_only()
    {
        var url = await _api.OpenSocketConnectionAsync(CancellationToken.None);

        Assert.Equal("ws", url.Scheme);
        Assert.Equal(FakeSlack.AppToken, _slack.Calls("apps.connections.open").Single().Token);
    }
}
