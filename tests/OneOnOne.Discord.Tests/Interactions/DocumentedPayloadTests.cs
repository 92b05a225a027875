using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OneOnOne.Discord.Tests.Fakes;
using static OneOnOne.Discord.Tests.Fakes.DiscordPerson;

namespace OneOnOne.Discord.Tests.Interactions;

/// <summary>
/// Interactions exactly as Discord sends them today (a button's numeric component <c>id</c> in
/// <c>data.id</c>, the message it sits on, and every field the bot doesn't use), through both the
/// Gateway and the signed HTTP endpoint: each is acknowledged and answered.
/// </summary>
public sealed class DocumentedPayloadTests
{
    [Fact]
    public async Task A_button_press_as_Discord_sends_it_is_answered_over_the_Gateway()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
        await olivia.Command("add", Option("name", "Sam Lee"));
        await olivia.Command("forget", Option("name", "Sam Lee"));

        await olivia.Press("No, keep everything");

        olivia.Expect("Kept everything about Sam Lee");
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Message.Contains("malformed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_button_press_as_Discord_sends_it_is_answered_over_HTTP()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Signer.PublicKey,
            ["Discord:UseGateway"] = "false",
        });
        using var http = new HttpClient();
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
        await AnswerTextAsync(http, fake, bot, olivia.NewInteraction(2, Subcommand("add", ("name", "Sam Lee")), FakeDiscord.GuildId));
        var (question, questionText) = await AnswerAsync(http, fake, bot, olivia.NewInteraction(2, Subcommand("forget", ("name", "Sam Lee")), FakeDiscord.GuildId));
        Assert.Contains("Sure?", questionText, StringComparison.Ordinal);

        var keep = question.Buttons.Single(b => b.Label.Contains("keep", StringComparison.OrdinalIgnoreCase)).CustomId;
        var press = olivia.ButtonPress(keep, question, FakeDiscord.GuildId);
        Assert.IsType<int>(press["data"]!["id"]!.GetValue<int>());

        Assert.Contains("Kept everything about Sam Lee", await AnswerTextAsync(http, fake, bot, press), StringComparison.Ordinal);
    }

    private static JsonObject Subcommand(string name, params (string Name, string Value)[] options) => new()
    {
        ["id"] = "700000000000000001",
        ["name"] = "one-on-one",
        ["type"] = 1,
        ["options"] = new JsonArray(new JsonObject
        {
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value })]),
        }),
    };

    private static async Task<string> AnswerTextAsync(HttpClient http, FakeDiscord fake, DiscordBot bot, JsonObject interaction) =>
        (await AnswerAsync(http, fake, bot, interaction)).Text;

    /// <summary>Posts a signed interaction and returns the message it was answered with: the response itself, or the edit that replaced "thinking…".</summary>
    internal static async Task<(PostedMessage Message, string Text)> AnswerAsync(HttpClient http, FakeDiscord fake, DiscordBot bot, JsonObject interaction)
    {
        var id = interaction["id"]!.GetValue<string>();
        var token = interaction["token"]!.GetValue<string>();
        fake.RegisterInteraction(id, token, interaction["member"]?["user"]?["id"]?.GetValue<string>() ?? interaction["user"]!["id"]!.GetValue<string>(), acknowledged: true);
        using var response = await PostSignedAsync(http, bot, interaction.ToJsonString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for {interaction.ToJsonString()}");
        var answer = JsonNode.Parse(body)!.AsObject();
        await bot.IdleAsync("the interaction");
        if (answer["type"]!.GetValue<int>() == 4)
        {
            var message = new PostedMessage(fake.NextId(), FakeDiscord.TeamChannelId, "callback", id, answer["data"]!.AsObject(), []);
            return (message, message.Text);
        }

        Assert.Equal(5, answer["type"]!.GetValue<int>());
        var edit = fake.MessagesSnapshot().Last(m => m.InteractionId == id);
        return (edit, edit.Text);
    }

    /// <param name="tamper">Sign, then change the body, as Discord's own probes of the endpoint do.</param>
    internal static async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, DiscordBot bot, string body, bool tamper = false)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = Signer.Sign(timestamp, bytes);
        if (tamper)
        {
            bytes = [.. bytes, (byte)' '];
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, bot.HttpBaseUrl + "/discord/interactions")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request);
    }
}
