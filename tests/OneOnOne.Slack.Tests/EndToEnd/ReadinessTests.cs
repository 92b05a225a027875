using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;
using OneOnOne.Telemetry;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>What <c>/readyz</c> says while the Socket Mode connection comes and goes.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_is_200_with_the_socket_open_and_503_while_the_bot_cannot_open_a_new_one()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var connection = bot.Services.GetRequiredService<PlatformConnection>();
        await UntilAsync(() => connection.State == PlatformConnectionState.Open, "the socket's hello");
        using (var ready = await bot.Http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // The next socket is refused: the bot waits a long while before trying again, and is not ready meanwhile.
        var asked = slack.Calls("apps.connections.open").Count;
        slack.Fail("apps.connections.open", null, Fault.NotOk("invalid_auth"));
        slack.DropSocket();
        await UntilAsync(
            () => slack.Calls("apps.connections.open").Count > asked && connection.State == PlatformConnectionState.Connecting, "the refused reconnection");

        using var down = await bot.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("\"platform\":{\"status\":\"unhealthy\"", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Bounded polling for a state the bot reaches on its own.</summary>
    private static async Task UntilAsync(Func<bool> condition, string waitingFor)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {waitingFor}.");
            }

            await Task.Delay(10);
        }
    }
}
