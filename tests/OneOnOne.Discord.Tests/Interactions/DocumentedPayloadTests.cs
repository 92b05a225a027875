using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OneOnOne.Discord.Tests.Fakes;
using static OneOnOne.Discord.Tests.Fakes.DiscordPerson;

namespace OneOnOne.Discord.Tests.Interactions;

/// <summary>
/// Interactions exactly as Discord sends them today (a button's or a select's numeric component <c>id</c>
/// in <c>data.id</c>, the message it sits on, a modal's answers inside Label components, and every field
/// the bot doesn't use), through both the Gateway and the signed HTTP endpoint: each is acknowledged and answered.
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
        await using var bot = await StartOverHttpAsync(fake);
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

    [Fact]
    public async Task A_string_select_as_Discord_sends_it_is_acknowledged_privately_over_the_Gateway_and_changes_nothing()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
        await olivia.Command("add", Option("name", "Sam Lee"));

        await olivia.ActAsync(olivia.SelectPress("menu", ["sam"], MessageWithSelect(fake), FakeDiscord.GuildId));

        Assert.Equal(4, olivia.LastResponse!["type"]!.GetValue<int>());
        Assert.Equal(64, olivia.LastResponse["data"]!["flags"]!.GetValue<int>());
        olivia.Expect("couldn't make sense of that one");
        await olivia.Command("list");
        olivia.Expect("Sam Lee");
    }

    [Fact]
    public async Task A_string_select_as_Discord_sends_it_is_acknowledged_privately_over_HTTP()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await StartOverHttpAsync(fake);
        using var http = new HttpClient();
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");

        var (answer, text) = await AnswerAsync(http, fake, bot, olivia.SelectPress("menu", ["sam"], MessageWithSelect(fake)));

        Assert.Equal(64, answer.Flags);
        Assert.Contains("couldn't make sense of that one", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_submitted_as_Discord_sends_it_is_saved_over_the_Gateway()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = await PreparingWithMariaAsync(fake, bot);
        await olivia.Press("Answer in a form");

        var submit = olivia.ModalSubmit(PageOne);
        Assert.IsType<int>(submit["data"]!["components"]![0]!["component"]!["id"]!.GetValue<int>());
        Assert.NotNull(submit["message"]);
        await olivia.ActAsync(submit);

        Assert.Equal(4, olivia.LastResponse!["type"]!.GetValue<int>());
        olivia.Expect("Saved page 1 of 2");
    }

    [Fact]
    public async Task A_form_opened_and_submitted_as_Discord_sends_it_is_saved_over_HTTP()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await StartOverHttpAsync(fake);
        using var http = new HttpClient();
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
        await AnswerTextAsync(http, fake, bot, olivia.NewInteraction(2, Subcommand("add", ("name", "Maria Lopez")), null));
        await AnswerTextAsync(http, fake, bot, olivia.NewInteraction(2, Subcommand("plan", ("name", "Maria Lopez")), null));
        var question = fake.MessagesSnapshot().Last(m => m.Buttons.Any(b => b.Label == "Answer in a form"));

        var press = olivia.ButtonPress(question.Buttons.Single(b => b.Label == "Answer in a form").CustomId, question);
        fake.RegisterInteraction(press["id"]!.GetValue<string>(), press["token"]!.GetValue<string>(), olivia.UserId, acknowledged: true);
        using var opened = await PostSignedAsync(http, bot, press.ToJsonString());
        var modal = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(9, modal["type"]!.GetValue<int>());
        olivia.Opened(modal["data"]!.AsObject(), press);

        Assert.Contains("Saved page 1 of 2", await AnswerTextAsync(http, fake, bot, olivia.ModalSubmit(PageOne)), StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> PageOne = new()
    {
        ["goal"] = "come to the tenants' meeting on the 12th",
        ["why"] = "her rent went up twice",
        ["interest"] = "her kids' school",
    };

    private static Task<DiscordBot> StartOverHttpAsync(FakeDiscord fake) => DiscordBot.StartAsync(fake, new Dictionary<string, string?>
    {
        ["Discord:PublicKey"] = Signer.PublicKey,
        ["Discord:UseGateway"] = "false",
    });

    /// <summary>Olivia in the middle of planning her 1:1 with Maria, in their DMs, with the offer of a form.</summary>
    private static async Task<DiscordPerson> PreparingWithMariaAsync(FakeDiscord fake, DiscordBot bot)
    {
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
        await olivia.CommandInDirectMessages("add", Option("name", "Maria Lopez"));
        await olivia.CommandInDirectMessages("plan", Option("name", "Maria Lopez"));
        return olivia;
    }

    /// <summary>A message with a string select on it, as some other message in the channel could have; the bot posts none.</summary>
    private static PostedMessage MessageWithSelect(FakeDiscord fake) => new(fake.NextId(), FakeDiscord.TeamChannelId, "channel", null, new JsonObject
    {
        ["content"] = "Pick one",
        ["components"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 3,
                ["custom_id"] = "menu",
                ["options"] = new JsonArray(new JsonObject { ["label"] = "Sam", ["value"] = "sam" }, new JsonObject { ["label"] = "Maria", ["value"] = "maria" }),
            }),
        }),
    }, []);

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
