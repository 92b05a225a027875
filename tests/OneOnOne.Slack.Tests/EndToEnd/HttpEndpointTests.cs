using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OneOnOne.Slack.Http;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;
using OneOnOne.Slack.Verification;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>The three Request URLs: what a stranger, a replay or garbage gets (never a 500), and the URL check.</summary>
public sealed class HttpEndpointTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_slack, SlackTransport.Http);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task The_URL_check_is_answered_with_its_challenge_once_signed()
    {
        const string body = """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";
        using var response = await _bot.PostSignedAsync(SlackEndpoints.EventsPath, body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer.RootElement.GetProperty("challenge").GetString());
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("wrong secret")]
    [InlineData("stale")]
    [InlineData("from the future")]
    [InlineData("tampered")]
    public async Task Unverified_requests_get_401_and_do_nothing(string how)
    {
        const string body = """{"token":"x","challenge":"abc","type":"url_verification"}""";
        var timestamp = DateTimeOffset.UtcNow.AddMinutes(how switch { "stale" => -6, "from the future" => 6, _ => 0 }).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signer = how == "wrong secret" ? new SlackSignatureVerifier("not-the-secret-at-all", TimeProvider.System) : _bot.Signer;
        using var request = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.EventsPath)
        {
            Content = new StringContent(how == "tampered" ? body.Replace("abc", "abd") : body, Encoding.UTF8, "application/json"),
        };
        if (how != "unsigned")
        {
            request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
            request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signer.Sign(timestamp, Encoding.UTF8.GetBytes(body)));
        }

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(SlackEndpoints.EventsPath, "application/json", "{not json")]
    [InlineData(SlackEndpoints.EventsPath, "application/json", """{"type":"event_callback","event":{"type":"message"}}""")]
    [InlineData(SlackEndpoints.EventsPath, "application/json", "[1,2,3]")]
    [InlineData(SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%7Bbroken")]
    [InlineData(SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "nothing=here")]
    [InlineData(SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData(SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "text=hello")]
    [InlineData(SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "%%%%")]
    public async Task Signed_but_malformed_payloads_get_400(string path, string contentType, string body)
    {
        using var response = await _bot.PostSignedAsync(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_unread_and_a_deep_one_is_malformed()
    {
        using var huge = await _bot.PostSignedAsync(SlackEndpoints.EventsPath, new string('x', SlackHttpReceiver.MaxBodyBytes + 1), "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        using var deep = await _bot.PostSignedAsync(SlackEndpoints.EventsPath, new string('[', 5000) + new string(']', 5000), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);

        using var bytes = await _bot.PostSignedAsync(SlackEndpoints.CommandsPath, "text=%FF%FE&user_id=U1", "application/x-www-form-urlencoded");
        Assert.NotEqual(HttpStatusCode.InternalServerError, bytes.StatusCode);
    }

    [Fact]
    public async Task Events_the_bot_does_not_use_are_acknowledged_and_ignored()
    {
        var botsOwn = SlackPayloads.EventCallback(null, new { type = "message", channel = "DUANA", bot_id = "BBOT", text = "echo", channel_type = "im" });
        var edit = SlackPayloads.EventCallback(null, new { type = "message", subtype = "message_changed", channel = "DUANA", channel_type = "im" });
        var reaction = SlackPayloads.EventCallback(null, new { type = "reaction_added", user = "UANA" });
        foreach (var body in new[] { botsOwn, edit, reaction })
        {
            using var response = await _bot.PostSignedAsync(SlackEndpoints.EventsPath, JsonSerializer.Serialize(body), "application/json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _bot.Person("UANA").Type("help", "What I can do");
        Assert.DoesNotContain(_slack.Posts, p => p.AllText.Contains("echo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spent_response_URL_falls_back_to_the_DM()
    {
        var ana = _bot.Person("UANA");
        await ana.Command("list add Maria Lopez", "Added Maria Lopez");
        ana.Mark();
        await ana.SendCommandAsync("schedule Maria tomorrow 6pm at Cafe Luna for 40", _slack.ExpiredResponseUrl());

        // The answer comes with a calendar file, so it can't ride on the acknowledgement.
        var reply = await ana.Expect("40 minutes at Cafe Luna");
        Assert.Equal("chat.postMessage", reply.Kind);
        Assert.Equal(ana.DirectMessage, reply.Channel);
    }
}
