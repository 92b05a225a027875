using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Bot;
using OneOnOne.Core.Settings;
using OneOnOne.Slack.Http;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;
using OneOnOne.Testing;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>Wrong settings stop the bot at start, with a message that says which setting and where to find it.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Slack:BotToken", "xoxp-a-user-token-1234", "Slack:BotToken does not look like a bot token", "OAuth & Permissions")]
    [InlineData("Slack:AppToken", "xoxb-fake-bot-token-0001", "Slack:AppToken does not look like an app-level token", "App-Level Tokens")]
    [InlineData("Slack:AppToken", null, "set Slack:AppToken", "Slack:SigningSecret")]
    [InlineData("Slack:ApiBaseUrl", "not a url", "Slack:ApiBaseUrl must be an absolute", "https://slack.com/api/")]
    [InlineData("Slack:InlineAnswerWindow", "00:00:04", "Slack:InlineAnswerWindow must be between", "within 3 seconds")]
    public async Task Malformed_settings_stop_start_up_and_name_the_setting(string key, string? value, string message, string where)
    {
        await using var slack = await FakeSlack.StartAsync();
        var settings = SlackBot.Settings(slack, SlackTransport.SocketMode, Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"));
        settings[key] = value;
        using var host = BotHost.Build([], settings);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, refused.Message);
        Assert.Contains(where, refused.Message);
    }

    [Fact]
    public async Task A_token_Slack_refuses_stops_start_up_with_where_to_get_a_new_one()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Fail("auth.test", null, Fault.NotOk("invalid_auth"));
        var settings = SlackBot.Settings(slack, SlackTransport.SocketMode, Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"));
        using var host = BotHost.Build([], settings);

        // A StartupFailure is printed as one line without a stack trace.
        var refused = await Assert.ThrowsAsync<StartupFailure>(() => host.StartAsync());
        Assert.Contains("Slack refused Slack:BotToken (invalid_auth)", refused.Message);
        Assert.Contains("OAuth & Permissions", refused.Message);
    }

    [Fact]
    public void Without_a_bot_token_or_with_the_console_flag_the_console_runs()
    {
        var none = new ConfigurationBuilder().Build();
        var slack = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BotToken"] = FakeSlack.BotToken }).Build();

        Assert.Equal(BotMode.Console, BotModes.Choose(none, forceConsole: false));
        Assert.Equal(BotMode.Slack, BotModes.Choose(slack, forceConsole: false));
        Assert.Equal(BotMode.Console, BotModes.Choose(slack, forceConsole: true));
    }

    [Theory]
    [InlineData(SlackTransport.SocketMode, "over Socket Mode")]
    [InlineData(SlackTransport.Http, "at the Request URLs")]
    public async Task A_start_says_at_Information_level_which_workspace_the_bot_is_connected_to_without_secrets(SlackTransport transport, string how)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, transport);

        // Socket Mode says it once the socket's hello arrived, HTTP once the host listens: both before StartAsync returns or just after.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!bot.Logs.Lines.Any(l => l.Category == "OneOnOne.Ready") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var ready = Assert.Single(bot.Logs.Lines, l => l.Category == "OneOnOne.Ready");
        Assert.Equal(LogLevel.Information, ready.Level);
        Assert.StartsWith("Connected to Slack workspace Fake Organizing Team as @oneonone; /one-on-one is ready " + how, ready.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Message.Contains(FakeSlack.BotToken, StringComparison.Ordinal)
                                                   || l.Message.Contains(FakeSlack.AppToken, StringComparison.Ordinal)
                                                   || l.Message.Contains("ticket=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Socket_Mode_opens_no_HTTP_port_unless_a_listen_address_is_set_but_the_HTTP_transport_does()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using (var socketMode = await SlackBot.StartAsync(slack, SlackTransport.SocketMode, new Dictionary<string, string?> { ["Urls"] = null }))
        {
            Assert.Null(socketMode.Services.GetService<IServer>());
            Assert.Null(socketMode.Address);
        }

        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BotToken"] = FakeSlack.BotToken }).Build();
        Assert.True(BotMode.Slack.ServesHttp(settings));
        Assert.False(BotMode.Console.ServesHttp(settings));
    }

    [Fact]
    public async Task Socket_Mode_serves_no_Slack_endpoints_but_health()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);

        using var health = await bot.Http.GetAsync("/health");
        using var events = await bot.PostSignedAsync(SlackEndpoints.EventsPath, "{}", "application/json");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, events.StatusCode);
    }
}
