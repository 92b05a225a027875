using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneOnOne.Slack.Http;
using OneOnOne.Slack.Parsing;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;
using OneOnOne.Slack.Wire;
using OneOnOne.Testing;

namespace OneOnOne.Slack.Tests.Fuzz;

/// <summary>
/// Random and mutated inputs built from the shapes Slack documents (slash command forms, block_actions and
/// view_submission payloads, Events API envelopes, Socket Mode envelopes): thousands through the parsers
/// in-process, a few hundred signed through the three Request URLs and over Socket Mode. Nothing escapes,
/// every request gets an answer or a 4xx, every envelope is acknowledged, nothing is logged as an error,
/// and the bot still answers afterwards. A failure names the seed; set FUZZ_SEED to replay it or try another.
/// </summary>
public sealed class PayloadFuzzTests
{
    private const int FixedSeed = 20261126;
    private const string UserId = "UFUZZ0001";

    [Fact]
    public void Thousands_of_mutated_payloads_are_parsed_without_an_exception_escaping()
    {
        var seed = JsonFuzz.Seed(FixedSeed);
        var fuzz = new JsonFuzz(seed);
        for (var i = 0; i < 6000; i++)
        {
            var (what, input, parse) = (i % 4) switch
            {
                0 => Case("command form", fuzz.MutateForm(SlashCommand()), SlackInboundParser.ParseCommandForm),
                1 => Case("interaction form", InteractionForm(fuzz, fuzz.Pick(Interactions())), SlackInboundParser.ParseInteractionForm),
                2 => Case("event body", fuzz.MutateText(fuzz.Pick(Events())), SlackInboundParser.ParseEventBody),
                _ => Case("Socket Mode envelope", fuzz.MutateText(fuzz.Pick(Envelopes())), ParseAsTheSocketModeClientDoes),
            };
            try
            {
                Assert.NotNull(parse(Encoding.UTF8.GetBytes(input)));
            }
            catch (Exception exception)
            {
                Assert.Fail($"FUZZ_SEED={seed}, case {i} ({what}): {exception.GetType().Name}: {exception.Message}\n{input}");
            }
        }
    }

    [Fact]
    public async Task Hundreds_of_signed_mutated_requests_over_HTTP_each_get_an_answer_or_a_4xx()
    {
        var seed = JsonFuzz.Seed(FixedSeed + 1);
        var fuzz = new JsonFuzz(seed);
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser(UserId, "Fuzz Tester");
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.Http);
        var requests = Enumerable.Range(0, 300).Select(i => (i % 3) switch
        {
            0 => (Path: SlackEndpoints.CommandsPath, Body: fuzz.MutateForm(SlashCommand(slack.NewResponseUrl())), Type: "application/x-www-form-urlencoded"),
            1 => (Path: SlackEndpoints.InteractionsPath, Body: InteractionForm(fuzz, fuzz.Pick(Interactions())), Type: "application/x-www-form-urlencoded"),
            _ => (Path: SlackEndpoints.EventsPath, Body: fuzz.MutateText(fuzz.Pick(Events())), Type: "application/json"),
        }).ToList();

        foreach (var batch in requests.Select((request, i) => (request, i)).Chunk(6))
        {
            await Task.WhenAll(batch.Select(async c =>
            {
                using var response = await bot.PostSignedAsync(c.request.Path, c.request.Body, c.request.Type);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                    $"FUZZ_SEED={seed}, case {c.i}: {(int)response.StatusCode} from {c.request.Path}\n{c.request.Body}");
            }));
        }

        await AssertStillWellAsync(bot, seed);
    }

    [Fact]
    public async Task Hundreds_of_mutated_Socket_Mode_payloads_are_each_acknowledged()
    {
        var seed = JsonFuzz.Seed(FixedSeed + 2);
        var fuzz = new JsonFuzz(seed);
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser(UserId, "Fuzz Tester");
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);

        for (var i = 0; i < 150; i++)
        {
            var (type, payload) = (i % 3) switch
            {
                0 => ("slash_commands", JsonSerializer.SerializeToNode(SlashCommand(slack.NewResponseUrl()))!),
                1 => ("interactive", fuzz.Pick(Interactions())),
                _ => ("events_api", fuzz.Pick(Events())),
            };
            var mutated = fuzz.Mutate(payload);
            while (JsonFuzz.Depth(mutated) > 60)
            {
                // The fake writes envelopes with System.Text.Json, which won't go past 64 levels; deeper ones are for the in-process test.
                mutated = fuzz.Mutate(payload);
            }

            var envelope = await slack.SendEnvelopeAsync(type, mutated);
            try
            {
                await slack.AckOf(envelope);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"FUZZ_SEED={seed}, case {i}: no acknowledgement for a {type} envelope\n{mutated.ToJsonString()}");
            }
        }

        await AssertStillWellAsync(bot, seed);
    }

    /// <summary>What the Socket Mode client does with a frame: parse it, then hand the payload to the parser its type names.</summary>
    private static SlackRequest ParseAsTheSocketModeClientDoes(ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return new MalformedRequest("not JSON");
        }

        using (document)
        {
            var envelope = document.RootElement;
            var payload = envelope.Get("payload");
            return envelope.Str("type") switch
            {
                "slash_commands" => SlackInboundParser.ParseCommand(payload),
                "interactive" => SlackInboundParser.ParseInteraction(payload),
                "events_api" => SlackInboundParser.ParseEvent(payload),
                var other => new IgnoredRequest($"{other}"),
            };
        }
    }

    private static async Task AssertStillWellAsync(SlackBot bot, int seed)
    {
        var errors = bot.Logs.Lines.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, $"FUZZ_SEED={seed}: logged as errors:\n{string.Join("\n", errors)}");
        await bot.Person("UFUZZ0002").Command("help", "help");
    }

    private static (string What, string Input, Func<ReadOnlyMemory<byte>, SlackRequest> Parse) Case(
        string what, string input, Func<ReadOnlyMemory<byte>, SlackRequest> parse) => (what, input, parse);

    private static string InteractionForm(JsonFuzz fuzz, JsonNode payload) =>
        fuzz.MutateForm(new Dictionary<string, string> { ["payload"] = fuzz.MutateText(payload) });

    private static Dictionary<string, string> SlashCommand(Uri? responseUrl = null) =>
        SlackPayloads.SlashCommand(UserId, "status", responseUrl ?? new Uri("http://127.0.0.1:1/hooks/1"));

    private static List<JsonNode> Interactions()
    {
        var message = new Post(1, "chat.postMessage", "DUFUZZ0001", default, null);
        var view = JsonDocument.Parse("""
            {"callback_id":"form","private_metadata":"{\"run\":1,\"flow\":\"prep\"}","blocks":[
              {"type":"input","block_id":"goal","element":{"type":"plain_text_input","action_id":"goal"}},
              {"type":"input","block_id":"level","element":{"type":"radio_buttons","action_id":"level"}}]}
            """).RootElement;
        return
        [
            JsonSerializer.SerializeToNode(SlackPayloads.BlockActions(UserId, message, "c", "status"))!,
            JsonSerializer.SerializeToNode(SlackPayloads.HomeButton(UserId, "c", "status"))!,
            JsonSerializer.SerializeToNode(SlackPayloads.ViewSubmission(UserId, view, new Dictionary<string, string?> { ["goal"] = "come on the 12th", ["level"] = "core" }))!,
        ];
    }

    private static List<JsonNode> Events() =>
    [
        JsonSerializer.SerializeToNode(SlackPayloads.MessageEvent(UserId, "status"))!,
        JsonSerializer.SerializeToNode(SlackPayloads.AppHomeOpened(UserId))!,
        new JsonObject { ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" },
    ];

    private static List<JsonNode> Envelopes() =>
    [
        .. Interactions().Select(p => Envelope("interactive", p)),
        .. Events().Select(p => Envelope("events_api", p)),
        Envelope("slash_commands", JsonSerializer.SerializeToNode(SlashCommand())!),
        new JsonObject { ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "AFAKE" } },
        new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" },
    ];

    private static JsonObject Envelope(string type, JsonNode payload) => new()
    {
        ["envelope_id"] = Guid.NewGuid().ToString(),
        ["type"] = type,
        ["payload"] = payload,
        ["accepts_response_payload"] = type != "events_api",
        ["retry_attempt"] = 0,
        ["retry_reason"] = string.Empty,
    };
}
