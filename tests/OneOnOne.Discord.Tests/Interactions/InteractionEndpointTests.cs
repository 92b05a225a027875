using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OneOnOne.Discord.Tests.Fakes;

namespace OneOnOne.Discord.Tests.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c> on the real host, as Discord calls it: PING, signed commands,
/// Discord's deliberate bad-signature probes, and garbage, which must never produce a 5xx.
/// </summary>
public sealed class InteractionEndpointTests(HttpBot host) : IClassFixture<HttpBot>, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FakeDiscord _fake = host.Fake;
    private readonly DiscordBot _bot = host.Bot;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_signed_ping_gets_a_pong_as_json()
    {
        using var response = await PostAsync("{\"type\":1,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"version\":1}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unsigned_or_wrongly_signed_requests_get_401()
    {
        const string body = "{\"type\":1}";
        var timestamp = Now();
        var signature = Signer.Sign(timestamp, Encoding.UTF8.GetBytes(body));

        using var unsigned = await SendAsync(body, null, null);
        using var noTimestamp = await SendAsync(body, signature, null);
        using var otherBody = await SendAsync("{\"type\":2}", signature, timestamp);
        using var otherTime = await SendAsync(body, signature, "1700000000");
        using var garbage = await SendAsync(body, "not-hex", timestamp);
        using var otherKey = await SendAsync(body, new string('a', 128), timestamp);

        Assert.All([unsigned, noTimestamp, otherBody, otherTime, garbage, otherKey], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"two\"}")]
    [InlineData("{\"type\":2,\"id\":\"1\",\"token\":\"t\"}")]
    [InlineData("{\"type\":3,\"id\":\"1\",\"token\":\"t\",\"user\":{\"id\":\"5\"},\"data\":{\"custom_id\":null}}")]
    public async Task Signed_garbage_gets_a_polite_answer_never_an_error(string body)
    {
        using var response = await PostAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for {body}");
        Assert.Equal(4, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_signed_command_whose_answer_needs_an_upload_is_deferred_privately_and_the_answer_replaces_the_deferral()
    {
        var olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
        var interaction = olivia.NewInteraction(2, new JsonObject
        {
            ["id"] = "700000000000000001",
            ["name"] = "one-on-one",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "export", ["type"] = 1 }),
        }, FakeDiscord.GuildId);
        _fake.RegisterInteraction(interaction["id"]!.GetValue<string>(), interaction["token"]!.GetValue<string>(), olivia.UserId, acknowledged: true);

        using var first = await PostAsync(interaction.ToJsonString());
        using var again = await PostAsync(interaction.ToJsonString());
        var token = Uri.EscapeDataString(interaction["token"]!.GetValue<string>());
        IReadOnlyList<RecordedCall> Edits() => _fake.CallsTo("PATCH webhooks").Where(c => c.Path.Contains(token, StringComparison.Ordinal)).ToList();
        await Wait.UntilAsync(() => Edits().Count > 0, "the edited reply");
        await _bot.IdleAsync("the export command");

        var answer = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(5, answer["type"]!.GetValue<int>());
        Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var edit = Assert.Single(Edits());
        Assert.EndsWith(".csv", Assert.Single(edit.Files).FileName, StringComparison.Ordinal);
        Assert.Null(edit.Authorization);
    }

    [Fact]
    public async Task A_quick_single_message_answer_is_the_response_itself_and_a_duplicate_gets_it_again()
    {
        var olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
        var interaction = olivia.NewInteraction(2, new JsonObject
        {
            ["id"] = "700000000000000001",
            ["name"] = "one-on-one",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "status", ["type"] = 1 }),
        }, FakeDiscord.GuildId);
        _fake.RegisterInteraction(interaction["id"]!.GetValue<string>(), interaction["token"]!.GetValue<string>(), olivia.UserId, acknowledged: true);

        using var first = await PostAsync(interaction.ToJsonString());
        using var again = await PostAsync(interaction.ToJsonString());
        await _bot.IdleAsync("the status command");

        var answer = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(4, answer["type"]!.GetValue<int>());
        Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("goal", answer["data"]!["content"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var token = Uri.EscapeDataString(interaction["token"]!.GetValue<string>());
        Assert.DoesNotContain(_fake.CallsTo("PATCH webhooks"), c => c.Path.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_methods_are_refused_without_a_5xx()
    {
        using var response = await _http.GetAsync(new Uri(_bot.HttpBaseUrl + "/discord/interactions"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Fuzzed_signed_bodies_never_produce_a_5xx()
    {
        var random = new Random(5);
        var fragments = new[] { "{", "}", "\"type\"", ":", "1", "2", "3", "5", ",", "\"data\"", "\"user\"", "{\"id\":\"9\"}", "[", "]", "null", "\"token\"", "\"x\"", "\"components\"", "\"custom_id\"" };
        for (var i = 0; i < 60; i++)
        {
            var body = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => fragments[random.Next(fragments.Length)]));
            using var response = await PostAsync(body);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body}");
        }
    }

    private Task<HttpResponseMessage> PostAsync(string body)
    {
        var timestamp = Now();
        return SendAsync(body, Signer.Sign(timestamp, Encoding.UTF8.GetBytes(body)), timestamp);
    }

    private async Task<HttpResponseMessage> SendAsync(string body, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.HttpBaseUrl + "/discord/interactions")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        return await _http.SendAsync(request);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

/// <summary>One host serving the HTTP endpoint (no Gateway) for all the endpoint tests.</summary>
public sealed class HttpBot : IAsyncLifetime
{
    public FakeDiscord Fake { get; private set; } = null!;

    public DiscordBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeDiscord.StartAsync();
        Bot = await DiscordBot.StartAsync(Fake, new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Signer.PublicKey,
            ["Discord:UseGateway"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
