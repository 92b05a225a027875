using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary>Exactly-once answers on the real host: duplicates, 429 storms, Discord's own errors, and the limits it announces.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private FakeDiscord _fake = null!;
    private DiscordBot _bot = null!;
    private DiscordPerson _olivia = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _bot = await DiscordBot.StartAsync(_fake);
        _olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task An_interaction_delivered_twice_is_answered_once()
    {
        // An upload is always deferred, then edited in: two steps that must each happen once.
        var interaction = _olivia.NewInteraction(2, Subcommand("export"), FakeDiscord.GuildId);
        var id = interaction["id"]!.GetValue<string>();
        _fake.RegisterInteraction(id, interaction["token"]!.GetValue<string>(), _olivia.UserId);

        var seq = await _fake.DispatchAsync("INTERACTION_CREATE", interaction);
        await _fake.RedeliverAsync(seq);
        await _fake.DispatchAsync("INTERACTION_CREATE", interaction.DeepClone());
        await Wait.UntilAsync(() => _fake.CallsTo("PATCH webhooks").Count == 1, "the edited reply");
        await _olivia.Type("status"); // anything after the duplicates has been handled by now

        Assert.Single(_fake.CallsTo("POST interactions/{id}/{token}/callback"));
        Assert.Single(_fake.CallsTo("PATCH webhooks"));
        Assert.Single(_fake.ResponsesTo(id));
    }

    [Fact]
    public async Task A_storm_of_429s_is_waited_out_and_the_message_arrives_exactly_once()
    {
        _fake.Fail("POST channels/{channel}/messages", 3, 429, retryAfter: 0.05);
        _fake.Fail("POST channels/{channel}/messages", 2, 429, retryAfter: 0.05, global: true);
        _fake.Fail("POST channels/{channel}/messages", 1, 429, retryAfter: 0.02);

        await _olivia.Type("help");

        Assert.Single(_olivia.Last, m => m.Text.Contains("What I can do", StringComparison.Ordinal));
        Assert.Equal(_olivia.Last.Count, _olivia.Last.Select(m => m.Content).Distinct().Count());
        var attempts = _fake.CallsTo("POST channels/{channel}/messages");
        Assert.Equal(6, attempts.Count(c => c.Status == 429));
        Assert.Equal(_olivia.Last.Count, attempts.Count(c => c.Status == 200));
    }

    [Fact]
    public async Task Discords_own_errors_are_retried_and_delivered_once()
    {
        _fake.Fail("POST interactions/{id}/{token}/callback", 1, 502);
        _fake.Fail("PATCH webhooks", 2, 500);
        _fake.Fail("POST channels/{channel}/messages", 2, 503);

        await _olivia.Command("export"); // a file: edited into "thinking…", never the first answer itself
        Assert.Single(_olivia.Last);
        await _olivia.Type("help");
        Assert.Single(_olivia.Last, m => m.Text.Contains("What I can do", StringComparison.Ordinal));

        Assert.Equal(2, _fake.CallsTo("POST interactions/{id}/{token}/callback").Count);
        Assert.Equal(3, _fake.CallsTo("PATCH webhooks").Count);
    }

    [Fact]
    public async Task A_quick_answer_is_the_first_response_itself_with_no_edit()
    {
        await _olivia.Command("status");

        Assert.Equal(4, _olivia.LastResponse!["type"]!.GetValue<int>());
        var answer = Assert.Single(_olivia.Last);
        Assert.Equal("callback", answer.Via);
        Assert.Empty(_fake.CallsTo("PATCH webhooks"));
    }

    [Fact]
    public async Task A_quick_answer_whose_first_response_is_refused_goes_to_the_DMs()
    {
        _fake.Fail("POST interactions/{id}/{token}/callback", 1, 404);
        var interaction = _olivia.NewInteraction(2, Subcommand("status"), inGuild: null);
        _fake.RegisterInteraction(interaction["id"]!.GetValue<string>(), interaction["token"]!.GetValue<string>(), _olivia.UserId);

        await _fake.DispatchAsync("INTERACTION_CREATE", interaction);
        await Wait.UntilAsync(() => _fake.MessagesSnapshot().Any(m => m.Via == "channel"), "the answer in the DMs");
        await _bot.IdleAsync("the reply");

        var answer = Assert.Single(_fake.MessagesSnapshot());
        Assert.Contains("goal", answer.Content, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_fake.CallsTo("PATCH webhooks"));
    }

    [Fact]
    public async Task A_first_answer_that_landed_though_Discord_answered_5xx_is_not_taken_for_a_failure()
    {
        _fake.FailAfterHandling("POST interactions/{id}/{token}/callback", 502);

        await _olivia.Command("export");

        // The retry meets "already acknowledged" (40060): that is success, and the deferral is edited in place.
        Assert.Equal([502, 400], _fake.CallsTo("POST interactions/{id}/{token}/callback").Select(c => c.Status));
        var reply = Assert.Single(_olivia.Last);
        Assert.Equal("original", reply.Via);
        Assert.Empty(_fake.CallsTo("POST channels/{channel}/messages"));
    }

    [Theory]
    [InlineData(true, "original")]
    [InlineData(false, "channel")]
    public async Task A_first_answer_that_never_completes_does_not_hold_the_reply_forever(bool landed, string via)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var services = _bot.Services;
        var replier = new InteractionReplier(services.GetRequiredService<DiscordRestClient>(), services.GetRequiredService<DiscordRenderer>(),
            services.GetRequiredService<ChannelPoster>(), services.GetRequiredService<AttachmentFallback>(), services.GetRequiredService<IMessenger>(), time,
            NullLogger<InteractionReplier>.Instance);
        var interaction = _olivia.NewInteraction(2, HelpCommand(), inGuild: null);
        var origin = InteractionOrigin.From(JsonSerializer.Deserialize(interaction.ToJsonString(), DiscordJson.Default.Interaction)!)!;
        _fake.RegisterInteraction(origin.Id, origin.Token, _olivia.UserId, acknowledged: landed);
        var never = new TaskCompletionSource().Task;

        var delivery = replier.DeliverAsync(origin, [new Outbound(ToSender.Instance, [new TextBlock("Here you go")])], never, null, CancellationToken.None);
        time.Advance(InteractionReplier.AcknowledgementWait);
        await delivery.WaitAsync(Wait.Limit);

        var reply = Assert.Single(_fake.MessagesSnapshot(), m => m.Content == "Here you go");
        Assert.Equal(via, reply.Via);
        Assert.Equal(_olivia.DirectMessageChannel, reply.ChannelId);
    }

    [Fact]
    public async Task An_answer_Discord_refuses_still_replaces_thinking_with_an_apology()
    {
        // Refused with its file, then without it (see UploadTests), then the apology goes through.
        _fake.Fail("PATCH webhooks", 2, 400);

        await _olivia.Command("export");

        var apology = Assert.Single(_olivia.Last);
        Assert.Equal("original", apology.Via);
        Assert.Contains("something went wrong", apology.Content, StringComparison.Ordinal);
        Assert.Equal(3, _fake.CallsTo("PATCH webhooks").Count);
    }

    [Fact]
    public async Task Questions_that_cannot_reach_the_DMs_for_any_reason_go_on_in_the_server()
    {
        var maria = new DiscordPerson(_fake, _bot, "100000000000000002", "Maria Lopez");
        DiscordPerson.People[maria.UserId] = maria.Name;
        await _olivia.Command("add", DiscordPerson.Person(maria), DiscordPerson.Option("met-at", "the kickoff"));
        _fake.Fail("POST channels/{channel}/messages", 4, 503);

        await _olivia.Command("plan", DiscordPerson.Person(maria), DiscordPerson.Option("kind", "recruitment"));

        _olivia.Expect("What do you hope Maria Lopez will commit to", "couldn't reach our DMs");
        Assert.All(_olivia.Last, m => Assert.NotEqual("channel", m.Via));
    }

    [Fact]
    public async Task The_per_channel_budget_Discord_announces_is_kept_without_a_single_429()
    {
        _fake.MessageBucketLimit = 2;
        _fake.MessageBucketWindow = TimeSpan.FromMilliseconds(250);
        var messenger = _bot.Services.GetRequiredService<IMessenger>();
        var sends = Enumerable.Range(1, 7).Select(i => messenger.SendAsync(
            new Outbound(new ToChannel("discord", FakeDiscord.GuildId, FakeDiscord.TeamChannelId), [new TextBlock($"note {i}")]), CancellationToken.None));

        await Task.WhenAll(sends);

        Assert.Equal(7, _fake.MessagesSnapshot().Count(m => m.ChannelId == FakeDiscord.TeamChannelId));
        Assert.Equal(0, _fake.UnplannedRateLimits);
    }

    [Fact]
    public async Task A_follow_up_sent_again_after_a_lost_answer_shows_once_but_two_different_ones_both_show()
    {
        var messenger = _bot.Services.GetRequiredService<IMessenger>();
        var to = new ToUser(new Address("discord", FakeDiscord.GuildId, _olivia.UserId));
        var nudge = new Outbound(to, [new TextBlock("Did you meet Maria?")], DeliveryKey: "followup:7");

        // The first attempt arrived but its answer was lost: the dispatcher sends the same follow-up again later.
        await messenger.SendAsync(nudge, CancellationToken.None);
        await messenger.SendAsync(nudge, CancellationToken.None);
        await messenger.SendAsync(new Outbound(to, [new TextBlock("Did you meet Maria?")], DeliveryKey: "followup:8"), CancellationToken.None);
        await messenger.SendAsync(new Outbound(to, [new TextBlock("Did you meet Maria?")]), CancellationToken.None);

        Assert.Equal(4, _fake.CallsTo("POST channels/{channel}/messages").Count);
        Assert.Equal(3, _fake.MessagesSnapshot().Count(m => m.Content == "Did you meet Maria?"));
    }

    [Fact]
    public async Task A_digest_channel_typed_by_name_is_found_among_the_servers_channels()
    {
        var messenger = _bot.Services.GetRequiredService<IMessenger>();

        await messenger.SendAsync(new Outbound(new ToChannel("discord", FakeDiscord.GuildId, "Team"), [new TextBlock("hello team")]), CancellationToken.None);
        var missing = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => messenger.SendAsync(
            new Outbound(new ToChannel("discord", FakeDiscord.GuildId, "nowhere"), [new TextBlock("lost")]), CancellationToken.None));

        Assert.Contains(_fake.MessagesSnapshot(), m => m.ChannelId == FakeDiscord.TeamChannelId && m.Content == "hello team");
        Assert.False(missing.Transient);
        Assert.Contains("#nowhere", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_blocks_DMs_is_reported_as_not_deliverable_not_retried_forever()
    {
        _fake.Fail("POST channels/{channel}/messages", 1, 403);
        var messenger = _bot.Services.GetRequiredService<IMessenger>();

        var failure = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => messenger.SendAsync(
            new Outbound(new ToUser(new Address("discord", FakeDiscord.GuildId, _olivia.UserId)), [new TextBlock("a nudge")]), CancellationToken.None));

        Assert.False(failure.Transient);
        Assert.Single(_fake.CallsTo("POST channels/{channel}/messages"));
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_bot_waits_fails_the_send_instead_of_retrying_early()
    {
        _fake.Fail("POST channels/{channel}/messages", 1, 429, retryAfter: 600);
        var messenger = _bot.Services.GetRequiredService<IMessenger>();
        var nudge = new Outbound(new ToUser(new Address("discord", FakeDiscord.GuildId, _olivia.UserId)), [new TextBlock("a nudge")]);

        var failure = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => messenger.SendAsync(nudge, CancellationToken.None).WaitAsync(Wait.Limit));
        var again = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => messenger.SendAsync(nudge, CancellationToken.None).WaitAsync(Wait.Limit));

        Assert.True(failure.Transient);
        Assert.True(again.Transient);
        Assert.Single(_fake.CallsTo("POST channels/{channel}/messages"));
    }

    [Fact]
    public async Task A_lost_button_asks_to_type_the_command_again()
    {
        await _olivia.PressCustomId("k:0123456789abcdef");

        Assert.Equal(4, _olivia.LastResponse!["type"]!.GetValue<int>());
        _olivia.Expect("That button has expired", "/one-on-one continue");
    }

    private static JsonObject HelpCommand() => Subcommand("help");

    private static JsonObject Subcommand(string name) => new()
    {
        ["id"] = "700000000000000001",
        ["name"] = "one-on-one",
        ["type"] = 1,
        ["options"] = new JsonArray(new JsonObject { ["name"] = name, ["type"] = 1 }),
    };
}
