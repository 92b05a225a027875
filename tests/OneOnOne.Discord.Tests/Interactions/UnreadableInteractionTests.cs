using System.Net;
using System.Text.Json.Nodes;
using OneOnOne.Discord.Tests.Fakes;

namespace OneOnOne.Discord.Tests.Interactions;

/// <summary>
/// What the bot can't read, or doesn't handle, is still acknowledged with a private apology in the bot's
/// own words (over HTTP the response itself, never a 400 that Discord shows as "This interaction
/// failed"; over the Gateway a callback, when the id and token can be found), and logged in one line
/// that holds no token.
/// </summary>
public sealed class UnreadableInteractionTests : IAsyncLifetime
{
    private const string Apology = "couldn't make sense of that one";
    private const string Token = "token-unreadable-secret-xxxxxxxxxxxxxxxxxxxxxxxx";

    private FakeDiscord _fake = null!;
    private DiscordBot _bot = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _bot = await DiscordBot.StartAsync(_fake, new Dictionary<string, string?> { ["Discord:PublicKey"] = Signer.PublicKey });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":2,\"id\":\"1\",\"token\":\"" + Token + "\"}")] // no one who used it
    [InlineData("{\"type\":42,\"id\":\"1\",\"token\":\"" + Token + "\",\"user\":{\"id\":\"5\",\"username\":\"x\"},\"data\":{\"kind\":\"new\"}}")] // a new interaction type
    [InlineData("{\"type\":3,\"id\":\"2\",\"token\":\"" + Token + "\",\"user\":{\"id\":\"5\",\"username\":\"x\"},\"data\":{\"id\":4,\"custom_id\":\"k\",\"component_type\":99}}")] // a new component type
    public async Task A_signed_request_the_bot_cannot_read_over_HTTP_gets_a_private_apology(string body)
    {
        using var response = await DocumentedPayloadTests.PostSignedAsync(_http, _bot, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertApology(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
        await _bot.IdleAsync("the apology");
        AssertLoggedOnceWithoutToken();
    }

    [Fact]
    public async Task A_ping_is_still_a_pong()
    {
        using var response = await DocumentedPayloadTests.PostSignedAsync(_http, _bot, "{\"type\":1,\"id\":\"1\",\"token\":\"t\",\"extra\":{\"new\":[1]}}");

        Assert.Equal("{\"type\":1}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"type\":2,\"id\":\"{id}\",\"token\":\"{token}\",\"data\":{\"name\":\"one-on-one\"}}")] // no one who used it
    [InlineData("{\"type\":\"two\",\"id\":{id},\"token\":\"{token}\",\"user\":7}")] // an id written as a number, and nothing else readable
    [InlineData("{\"type\":42,\"id\":\"{id}\",\"token\":\"{token}\",\"user\":{\"id\":\"5\",\"username\":\"x\"}}")] // a new interaction type
    public async Task An_interaction_the_bot_cannot_read_over_the_Gateway_gets_a_private_apology_when_its_id_and_token_are_there(string template)
    {
        var id = _fake.NextId();
        _fake.RegisterInteraction(id, Token, "5");

        await _fake.DispatchAsync("INTERACTION_CREATE", JsonNode.Parse(template.Replace("{id}", id, StringComparison.Ordinal).Replace("{token}", Token, StringComparison.Ordinal))!);
        await Wait.UntilAsync(() => _fake.ResponsesTo(id).Count > 0, "the apology");

        AssertApology(Assert.Single(_fake.ResponsesTo(id)));
        await _bot.IdleAsync("the apology");
        AssertLoggedOnceWithoutToken();
    }

    [Fact]
    public async Task An_interaction_without_a_token_over_the_Gateway_is_logged_and_the_bot_goes_on()
    {
        await _fake.DispatchAsync("INTERACTION_CREATE", JsonNode.Parse($"{{\"type\":2,\"id\":\"{_fake.NextId()}\"}}")!);

        var olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
        await olivia.Command("status");
        Assert.NotEmpty(olivia.LastText);
        Assert.Contains(_bot.Logs.Lines, l => l.Message.Contains("no id and token", StringComparison.Ordinal));
    }

    private static void AssertApology(JsonObject response)
    {
        Assert.Equal(4, response["type"]!.GetValue<int>());
        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
        Assert.Contains(Apology, response["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private void AssertLoggedOnceWithoutToken()
    {
        Assert.Single(_bot.Logs.Lines, l => l.Message.Contains("apology", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Message.Contains(Token, StringComparison.Ordinal));
    }
}
