using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneOnOne.Discord.Tests.Fakes;

namespace OneOnOne.Discord.Tests.Interactions;

/// <summary>
/// A well-formed <c>Discord:PublicKey</c> of another application can't be caught at start-up: every
/// interaction then fails the signature check. The operator hears it once, with the setting named.
/// </summary>
public sealed class WrongPublicKeyTests
{
    /// <summary>RFC 8032's second test key: valid Ed25519, but not the one <see cref="Signer"/> signs with.</summary>
    private const string OtherApplicationsKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

    [Fact]
    public async Task A_run_of_signature_failures_logs_one_warning_naming_the_setting()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = OtherApplicationsKey,
            ["Discord:UseGateway"] = "false",
        });
        using var http = new HttpClient();
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");

        for (var i = 0; i < 12; i++)
        {
            var status = new JsonObject { ["id"] = "700000000000000001", ["name"] = "one-on-one", ["type"] = 1, ["options"] = new JsonArray(new JsonObject { ["name"] = "status", ["type"] = 1 }) };
            using var response = await DocumentedPayloadTests.PostSignedAsync(http, bot, olivia.NewInteraction(2, status, FakeDiscord.GuildId).ToJsonString());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var warning = Assert.Single(bot.Logs.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains("Discord:PublicKey", warning.Message, StringComparison.Ordinal);
        Assert.Contains("General Information", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discords_own_occasional_bad_signature_probe_among_good_requests_is_not_reported()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Signer.PublicKey,
            ["Discord:UseGateway"] = "false",
        });
        using var http = new HttpClient();

        for (var i = 0; i < 6; i++)
        {
            using var probe = await DocumentedPayloadTests.PostSignedAsync(http, bot, "{\"type\":1}", tamper: true);
            using var ping = await DocumentedPayloadTests.PostSignedAsync(http, bot, "{\"type\":1}");
            Assert.Equal(HttpStatusCode.Unauthorized, probe.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        }

        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level >= LogLevel.Warning);
    }
}
