using System.Text;
using System.Text.Json;
using OneOnOne.Slack.Parsing;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Tests.Unit;

/// <summary>The parsers read Slack's shapes, and anything else (broken, hostile, huge) ends as a value, never an exception.</summary>
public sealed class InboundParserTests
{
    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static SlackRequest Interaction(object payload) =>
        SlackInboundParser.ParseInteractionForm(Utf8("payload=" + Uri.EscapeDataString(JsonSerializer.Serialize(payload))));

    [Fact]
    public async Task A_slash_command_form_is_read_with_its_response_url_and_trigger()
    {
        var fields = SlackPayloads.SlashCommand("UANA", "plan Maria & <Sam>", new Uri("https://hooks.slack.com/commands/T1/2/3"), "1.2.abc");
        var request = SlackInboundParser.ParseCommandForm(Utf8(await new FormUrlEncodedContent(fields).ReadAsStringAsync()));

        var command = Assert.IsType<SlashCommandRequest>(request);
        Assert.Equal(new SlackActor(FakeSlack.TeamId, "UANA", "uana"), command.Actor);
        Assert.Equal("plan Maria & <Sam>", command.Text);
        Assert.Equal("https://hooks.slack.com/commands/T1/2/3", command.ResponseUrl!.ToString());
        Assert.Equal("command:1.2.abc", command.DeliveryId);
    }

    [Fact]
    public void A_DM_is_read_and_bot_posts_edits_and_channel_messages_are_ignored()
    {
        Assert.IsType<DirectMessageRequest>(ParseEvent(SlackPayloads.MessageEvent("UANA", "hello", "Ev1")));
        Assert.Equal("event:Ev1", ParseEvent(SlackPayloads.MessageEvent("UANA", "hello", "Ev1")).DeliveryId);

        Assert.IsType<IgnoredRequest>(ParseEvent(SlackPayloads.EventCallback("Ev2", new { type = "message", bot_id = "B1", user = "U1", channel = "D1", text = "x", channel_type = "im" })));
        Assert.IsType<IgnoredRequest>(ParseEvent(SlackPayloads.EventCallback("Ev3", new { type = "message", subtype = "message_changed", channel = "D1", channel_type = "im" })));
        Assert.IsType<IgnoredRequest>(ParseEvent(SlackPayloads.EventCallback("Ev4", new { type = "message", user = "U1", channel = "C1", text = "x", channel_type = "channel" })));
        Assert.IsType<DirectMessageRequest>(ParseEvent(SlackPayloads.EventCallback("Ev5", new { type = "message", subtype = "file_share", user = "U1", channel = "D1", text = "see file", channel_type = "im" })));
        Assert.IsType<IgnoredRequest>(ParseEvent(SlackPayloads.EventCallback("Ev6", new { type = "app_home_opened", user = "U1", tab = "messages" })));
        Assert.IsType<HomeOpenedRequest>(ParseEvent(SlackPayloads.AppHomeOpened("U1")));
    }

    [Fact]
    public void A_submission_reads_every_input_kind_by_block_id()
    {
        var payload = new
        {
            type = "view_submission",
            team = new { id = "T1" },
            user = new { id = "U1" },
            trigger_id = "9.9.x",
            view = new
            {
                id = "V1",
                callback_id = "cb",
                private_metadata = "42",
                state = new
                {
                    values = new Dictionary<string, object>
                    {
                        ["text"] = new { answer = new { type = "plain_text_input", value = "words" } },
                        ["empty"] = new { answer = new { type = "plain_text_input", value = (string?)null } },
                        ["choice"] = new { answer = new { type = "radio_buttons", selected_option = new { value = "yes" } } },
                        ["select"] = new { answer = new { type = "static_select", selected_option = (object?)null } },
                        ["date"] = new { answer = new { type = "datepicker", selected_date = "2026-12-18" } },
                        ["who"] = new { answer = new { type = "users_select", selected_user = "U9" } },
                    },
                },
            },
        };

        var submission = Assert.IsType<ViewSubmissionRequest>(Interaction(payload));
        Assert.Equal("42", submission.PrivateMetadata);
        Assert.Equal("words", submission.Values["text"]);
        Assert.Null(submission.Values["empty"]);
        Assert.Equal("yes", submission.Values["choice"]);
        Assert.Null(submission.Values["select"]);
        Assert.Equal("2026-12-18", submission.Values["date"]);
        Assert.Equal("U9", submission.Values["who"]);
    }

    [Theory]
    [InlineData("""{"type":"block_actions"}""")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":"nope"}""")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[]}""")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"type":"button"}]}""")]
    [InlineData("""{"type":"block_actions","team":5,"user":[1],"actions":[{"action_id":7}]}""")]
    [InlineData("""{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"view":[]}""")]
    [InlineData("""{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"view":{"id":"V","state":{"values":{"a":[],"b":{"x":1}}}}}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event_id":"E","event":"x"}""")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event_id":"E","event":{"type":"message","channel_type":"im"}}""")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"a":1} trailing""")]
    public void Odd_payloads_become_values_not_exceptions(string json)
    {
        var asInteraction = SlackInboundParser.ParseInteractionForm(Utf8("payload=" + Uri.EscapeDataString(json)));
        var asEvent = SlackInboundParser.ParseEventBody(Utf8(json));
        var asSocketCommand = SlackInboundParser.WithJson(Utf8(json), SlackInboundParser.ParseCommand);

        Assert.All(new[] { asInteraction, asEvent, asSocketCommand }, r => Assert.IsNotType<SlashCommandRequest>(r));
        Assert.IsNotType<ViewSubmissionRequest>(asEvent);
    }

    [Fact]
    public void Random_and_mutated_input_never_throws()
    {
        var random = new Random(4242);
        var seeds = new[]
        {
            JsonSerializer.Serialize(SlackPayloads.MessageEvent("UANA", "hello <@U1|x> &amp;")),
            JsonSerializer.Serialize(SlackPayloads.AppHomeOpened("UANA")),
            """{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"view":{"id":"V","callback_id":"c","private_metadata":"1","state":{"values":{"goal":{"answer":{"type":"plain_text_input","value":"x"}}}}}}""",
            """{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"type":"button","action_id":"btn:0","value":"c:status"}]}""",
        };

        for (var round = 0; round < 3000; round++)
        {
            var seed = Encoding.UTF8.GetBytes(seeds[round % seeds.Length]);
            var bytes = round % 3 == 0 ? new byte[random.Next(0, 300)] : seed;
            if (round % 3 == 0)
            {
                random.NextBytes(bytes);
            }
            else
            {
                for (var flips = random.Next(1, 6); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            _ = SlackInboundParser.ParseEventBody(bytes);
            _ = SlackInboundParser.ParseInteractionForm(bytes);
            _ = SlackInboundParser.ParseCommandForm(bytes);
            _ = SlackInboundParser.ParseInteractionForm(Utf8("payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(bytes))));
        }
    }

    [Fact]
    public void Deep_huge_and_crowded_payloads_are_refused_or_read_without_throwing()
    {
        Assert.IsType<MalformedRequest>(SlackInboundParser.ParseEventBody(Utf8(new string('[', 10_000) + new string(']', 10_000))));

        var longText = new string('x', 400_000);
        var huge = Assert.IsType<DirectMessageRequest>(ParseEvent(SlackPayloads.MessageEvent("UANA", longText)));
        Assert.Equal(longText.Length, huge.Text.Length); // the engine refuses it politely; the parser just reads it

        var crowded = new
        {
            type = "view_submission",
            team = new { id = "T1" },
            user = new { id = "U1" },
            view = new
            {
                id = "V1",
                state = new { values = Enumerable.Range(0, 500).ToDictionary(i => $"b{i}", i => (object)new { a = new { type = "plain_text_input", value = "v" } }) },
            },
        };
        Assert.IsType<MalformedRequest>(Interaction(crowded));
    }

    private static SlackRequest ParseEvent(object body) => SlackInboundParser.ParseEventBody(JsonSerializer.SerializeToUtf8Bytes(body));
}
