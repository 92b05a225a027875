using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Discord.Tests.Socket;
using OneOnOne.Testing;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary>
/// Acknowledged means kept: an interaction or a DM the bot took is answered even when the bot is killed
/// before it got to it, and answered once.
/// </summary>
public sealed class DurabilityTests
{
    private const string OliviaId = "100000000000000001";

    private readonly EngineGate _gate = new();
    private readonly FakeTimeProvider _inlineTime = new();

    [Fact]
    public async Task An_interaction_acknowledged_over_http_before_a_kill_is_answered_once_after_the_restart()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Signer.PublicKey,
            ["Discord:UseGateway"] = "false",
        }, HoldTheEngine);
        var interaction = Status(fake, bot);

        var acknowledging = PostSignedAsync(bot, interaction.ToJsonString());
        await _gate.Reached.WaitAsync(Wait.Limit);
        _inlineTime.Advance(TimeSpan.FromSeconds(3));
        using (var acknowledgement = await acknowledging.WaitAsync(Wait.Limit))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledgement.StatusCode);
            Assert.Equal(5, JsonNode.Parse(await acknowledgement.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        }

        await bot.KillAndRestartAsync(fake);

        await AssertEditedOnceAsync(fake, bot, interaction);
    }

    [Fact]
    public async Task An_interaction_acknowledged_over_the_gateway_before_a_kill_is_answered_once_after_the_restart()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, settings: null, HoldTheEngine);
        var interaction = Status(fake, bot);

        await fake.DispatchAsync("INTERACTION_CREATE", interaction);
        await _gate.Reached.WaitAsync(Wait.Limit);
        _inlineTime.Advance(TimeSpan.FromSeconds(3));
        var id = interaction["id"]!.GetValue<string>();
        await Wait.UntilAsync(() => fake.ResponsesTo(id).Count > 0, "the deferral");

        await bot.KillAndRestartAsync(fake);

        await AssertEditedOnceAsync(fake, bot, interaction);
    }

    [Fact]
    public async Task A_direct_message_taken_from_the_gateway_before_a_kill_is_answered_once_after_the_restart()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, settings: null, HoldTheEngine);
        var channel = fake.DirectMessageChannelOf(OliviaId);

        await fake.DispatchAsync("MESSAGE_CREATE", GatewayTests.DirectMessage(fake, channel, "list add Maria Lopez"));
        await _gate.Reached.WaitAsync(Wait.Limit);

        await bot.KillAndRestartAsync(fake);

        bool Answered(PostedMessage m) => m.ChannelId == channel && m.Text.Contains("Added Maria Lopez", StringComparison.Ordinal);
        await Wait.UntilAsync(() => fake.MessagesSnapshot().Any(Answered), "the answer after the restart");
        await bot.IdleAsync("what the restarted bot found");
        Assert.Single(fake.MessagesSnapshot(), Answered);
    }

    private static JsonObject Status(FakeDiscord fake, DiscordBot bot)
    {
        var olivia = new DiscordPerson(fake, bot, OliviaId, "Olivia");
        var interaction = olivia.NewInteraction(2, new JsonObject
        {
            ["id"] = "700000000000000001",
            ["name"] = "one-on-one",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "status", ["type"] = 1 }),
        }, FakeDiscord.GuildId);
        fake.RegisterInteraction(interaction["id"]!.GetValue<string>(), interaction["token"]!.GetValue<string>(), olivia.UserId);
        return interaction;
    }

    private static async Task AssertEditedOnceAsync(FakeDiscord fake, DiscordBot bot, JsonObject interaction)
    {
        var token = Uri.EscapeDataString(interaction["token"]!.GetValue<string>());
        IReadOnlyList<RecordedCall> Edits() => fake.CallsTo("PATCH webhooks").Where(c => c.Path.Contains(token, StringComparison.Ordinal)).ToList();
        await Wait.UntilAsync(() => Edits().Count > 0, "the answer after the restart");
        await bot.IdleAsync("what the restarted bot found");
        Assert.Contains("goal", Assert.Single(Edits()).Json, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> PostSignedAsync(DiscordBot bot, string body)
    {
        using var http = new HttpClient();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.HttpBaseUrl + "/discord/interactions")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("X-Signature-Ed25519", Signer.Sign(timestamp, Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request);
    }

    /// <summary>The first host only: the engine holds every inbound, and the quick-answer window lapses when the test says.</summary>
    private void HoldTheEngine(IHostApplicationBuilder builder)
    {
        _gate.Install(builder.Services);
        builder.Services.AddSingleton(new InlineAnswerClock(_inlineTime));
    }
}
