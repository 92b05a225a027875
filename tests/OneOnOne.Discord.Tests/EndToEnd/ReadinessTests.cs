using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Telemetry;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary>What <c>/readyz</c> and <c>/metrics</c> say while the Gateway comes and goes.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_is_503_while_the_Gateway_reconnects_and_200_again_once_the_session_resumed()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        using var http = new HttpClient { BaseAddress = new Uri(bot.HttpBaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        var connection = bot.Services.GetRequiredService<PlatformConnection>();

        // The host starts before the Gateway's READY arrives: on a busy machine that can take a while.
        await Wait.UntilAsync(() => connection.State == PlatformConnectionState.Open, "the Gateway's READY");
        using (var ready = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        fake.HoldConnections();
        fake.DropConnection();
        await Wait.UntilAsync(() => connection.State == PlatformConnectionState.Connecting, "the bot to notice the Gateway dropped");
        using (var reconnecting = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, reconnecting.StatusCode);
            Assert.Contains("\"platform\":{\"status\":\"unhealthy\"", await reconnecting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("oneonone_gateway_reconnects_total", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);

        fake.ReleaseConnections();
        await Wait.UntilAsync(() => fake.Resumes.Count == 1 && connection.State == PlatformConnectionState.Open, "the session to resume");
        using var resumed = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }
}
