using OneOnOne.Slack.Http;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>Slack delivers at least once; the organizer hears back exactly once, through retries, rate limits and dropped sockets.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task An_HTTP_event_retried_by_Slack_is_handled_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.Http);
        var ana = bot.Person("UANA");
        var eventId = SlackPayloads.NewEventId();
        var message = SlackPayloads.MessageEvent("UANA", "list add Maria Lopez", eventId);

        await ana.SendEventAsync(message);
        await ana.SendEventAsync(message, new Dictionary<string, string> { [SlackHttpReceiver.RetryNumHeader] = "1", [SlackHttpReceiver.RetryReasonHeader] = "http_timeout" });
        await ana.SendEventAsync(message, new Dictionary<string, string> { [SlackHttpReceiver.RetryNumHeader] = "2", [SlackHttpReceiver.RetryReasonHeader] = "http_error" });
        await slack.WaitForPostAsync(0, "Added Maria Lopez");

        // A later message proves the retries were handled (in order, on Ana's lane) before it, without a reply.
        await ana.Type("people", "Your people (1)");
        Assert.Single(slack.Posts, p => p.AllText.Contains("Added Maria Lopez", StringComparison.Ordinal));
        Assert.DoesNotContain(slack.Posts, p => p.AllText.Contains("already on your list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resent_envelope_and_a_Socket_Mode_retry_of_the_same_event_are_handled_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var ana = bot.Person("UANA");
        var message = SlackPayloads.MessageEvent("UANA", "list add Maria Lopez", SlackPayloads.NewEventId());

        var envelope = await slack.SendEnvelopeAsync("events_api", message);
        await slack.AckOf(envelope);
        await slack.SendEnvelopeAsync("events_api", message, envelope);        // the same envelope again
        await slack.AckOf(await slack.SendEnvelopeAsync("events_api", message)); // Slack's retry: new envelope, same event

        await ana.Type("people", "Your people (1)");
        Assert.Single(slack.Posts, p => p.AllText.Contains("Added Maria Lopez", StringComparison.Ordinal));
        Assert.Equal(2, slack.Acks.Count(a => a.EnvelopeId == envelope));
    }

    [Fact]
    public async Task Rate_limits_and_dropped_sockets_lose_and_double_nothing()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        string[] people = ["UANA", "UBEN", "UCAL"];
        const int perPerson = 6;

        // The workspace exists before the storm: the engine's first contact of several people in a brand-new
        // workspace at the same instant is a known race on creating the team (reported, engine-side).
        await bot.Person("UANA").Type("help", "What I can do");

        // A storm: the first posts are refused with Retry-After, then some 5xx.
        slack.Fail("chat.postMessage", null, [.. Enumerable.Repeat(Fault.RateLimited(1), 5), Fault.ServerError(502), Fault.ServerError(503)]);

        var sent = 0;
        for (var round = 0; round < perPerson; round++)
        {
            foreach (var user in people)
            {
                await slack.SendEnvelopeAsync("events_api", SlackPayloads.MessageEvent(user, $"list add Person {user} {round}"));
                if (++sent % 5 == 0)
                {
                    // Mid-stream: some envelopes are in flight, unacknowledged, when the socket dies.
                    slack.DropSocket();
                }
            }
        }

        await slack.RequestRefreshAsync();
        foreach (var user in people)
        {
            await slack.SendEnvelopeAsync("events_api", SlackPayloads.MessageEvent(user, $"list add Last {user}"));
        }

        var expected = people.SelectMany(u => Enumerable.Range(0, perPerson).Select(r => $"Added Person {u} {r} to your list").Append($"Added Last {u} to your list")).ToList();
        await slack.WaitForAsync(() => expected.All(e => slack.Posts.Any(p => p.AllText.Contains(e, StringComparison.Ordinal))) ? slack : null,
            "every reply", TimeSpan.FromSeconds(40));

        foreach (var reply in expected)
        {
            Assert.Single(slack.Posts, p => p.AllText.Contains(reply, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(slack.Posts, p => p.AllText.Contains("already on your list", StringComparison.Ordinal));
        Assert.Contains(slack.Calls("chat.postMessage"), c => c.Fault?.Status == 429);
        Assert.True(slack.ConnectionsOpened >= 5, $"Expected reconnections, saw {slack.ConnectionsOpened} connection(s).");
    }

    [Fact]
    public async Task A_refresh_opens_the_new_socket_before_closing_the_old_one()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var ana = bot.Person("UANA");

        await slack.RequestRefreshAsync();
        await slack.WaitForAsync(() => slack.SocketsAttached == 2 && slack.LiveSockets == 1 ? slack : null, "the hand-over");
        await ana.Command("help", "What I can do");
        Assert.Equal(2, slack.ConnectionsOpened);
    }

    [Theory]
    [InlineData(SlackTransport.SocketMode)]
    [InlineData(SlackTransport.Http)]
    public async Task A_quick_answer_rides_on_the_acknowledgement_without_a_response_URL_call(SlackTransport transport)
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, transport);
        var ana = bot.Person("UANA");

        var answer = await ana.Command("list add Maria Lopez", "Added Maria Lopez");
        await ana.Command("help", "What I can do");

        Assert.Equal(FakeSlack.InPlaceAnswerKind, answer.Kind);
        Assert.Equal("ephemeral", answer.Body.GetProperty("response_type").GetString());
        Assert.DoesNotContain(slack.Posts, p => p.Kind == "response_url");
    }

    [Fact]
    public async Task An_answer_whose_acknowledgement_is_lost_comes_with_the_resent_envelope_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var ana = bot.Person("UANA");
        await ana.Command("help", "What I can do");

        slack.LoseNextAck();
        var answer = await ana.Command("list add Maria Lopez", "Added Maria Lopez");
        Assert.Equal(FakeSlack.InPlaceAnswerKind, answer.Kind);
        Assert.Equal(2, slack.ConnectionsOpened);

        await ana.Command("people", "Maria Lopez");
        Assert.Single(slack.Posts, p => p.AllText.Contains("Added Maria Lopez", StringComparison.Ordinal));
    }
}
