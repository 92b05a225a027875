using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Discord.Tests.Fakes;

namespace OneOnOne.Discord.Tests.Socket;

/// <summary>The Gateway's life on the real host: heartbeats, resumes, Discord's reconnect requests, zombies, and the close codes that must stop the bot.</summary>
public sealed class GatewayTests
{
    private const string OliviaId = "100000000000000001";

    [Fact]
    public async Task A_dispatch_sent_while_the_socket_was_down_is_replayed_on_resume_and_handled_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = new DiscordPerson(fake, bot, OliviaId, "Olivia");
        await olivia.Type("help");
        var accepted = bot.Queue.Accepted;

        fake.HoldConnections();
        fake.DropConnection();
        await Wait.UntilAsync(() => !fake.GatewayReady, "the socket to drop");
        var channel = olivia.DirectMessageChannel;
        await fake.DispatchAsync("MESSAGE_CREATE", DirectMessage(fake, channel, "status"));
        fake.ReleaseConnections();

        await Wait.UntilAsync(() => bot.Queue.Accepted > accepted, "the replayed message");
        await bot.IdleAsync("the replayed message");
        var resume = Assert.Single(fake.Resumes);
        Assert.True(resume["seq"]!.GetValue<int>() >= 2);
        Assert.Single(fake.Identifies);
        Assert.Equal(2, fake.Connections);
        Assert.Equal(accepted + 1, bot.Queue.Accepted);
    }

    [Fact]
    public async Task Discords_reconnect_request_is_answered_with_a_resumable_close_and_a_resume()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);

        await fake.SendOpAsync(7, null);

        await Wait.UntilAsync(() => fake.Resumes.Count == 1 && fake.GatewayReady, "a resume after op 7");
        Assert.Contains(4900, fake.ClientCloseCodes);
        Assert.DoesNotContain(1000, fake.ClientCloseCodes);
        Assert.Single(fake.Identifies);
    }

    [Fact]
    public async Task An_invalid_session_that_cannot_be_resumed_is_identified_afresh()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);

        await fake.SendOpAsync(9, JsonValue.Create(false));

        await Wait.UntilAsync(() => fake.Identifies.Count == 2 && fake.GatewayReady, "a fresh identify after op 9");
        Assert.Empty(fake.Resumes);
    }

    [Fact]
    public async Task An_invalid_session_that_can_be_resumed_is_resumed()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);

        await fake.SendOpAsync(9, JsonValue.Create(true));

        await Wait.UntilAsync(() => fake.Resumes.Count == 1 && fake.GatewayReady, "a resume after op 9 (resumable)");
        Assert.Single(fake.Identifies);
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence_and_a_zombie_connection_is_dropped_and_resumed()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.HeartbeatIntervalMs = 300;
        await using var bot = await DiscordBot.StartAsync(fake);
        await Wait.UntilAsync(() => fake.Heartbeats.Count >= 2, "two heartbeats");
        Assert.True(fake.Heartbeats[^1] >= 1, "a heartbeat carries the last sequence number (READY's is 1)");

        var connections = fake.Connections;
        fake.StopAcking = true;
        await Wait.UntilAsync(() => fake.Connections > connections, "a new connection after missed acknowledgements");
        fake.StopAcking = false;

        await Wait.UntilAsync(() => fake.Resumes.Count >= 1 && fake.GatewayReady, "the resume");
        Assert.Single(fake.Identifies);
    }

    [Fact]
    public async Task Discord_asking_for_a_heartbeat_gets_one_at_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var before = fake.Heartbeats.Count;

        await fake.SendOpAsync(1, null);

        await Wait.UntilAsync(() => fake.Heartbeats.Count > before, "a heartbeat on request");
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4014, "privileged")]
    [InlineData(4013, "intents")]
    [InlineData(4012, "API version")]
    public async Task Close_codes_that_reconnecting_cannot_fix_stop_start_up_with_a_clear_message(int code, string hint)
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.RefuseIdentifyWith = code;
        var failure = Assert.IsType<InvalidOperationException>(await DiscordBot.FailToStartAsync(fake));
        Assert.Contains(hint, failure.Message, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
        Assert.Single(fake.Identifies);
    }

    [Fact]
    public async Task A_fatal_close_after_start_up_stopped_waiting_still_stops_the_bot()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.HoldConnections();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:ReadyTimeout"] = "00:00:00.050" });
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();

        fake.RefuseIdentifyWith = 4004;
        fake.ReleaseConnections();

        await Wait.UntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the bot to stop after close 4004");
        Assert.Single(fake.Identifies);
    }

    [Fact]
    public async Task With_no_identifies_left_the_bot_waits_for_Discords_reset_before_identifying()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.UseUpIdentifies(resetAfter: TimeSpan.FromMilliseconds(300));

        await using var bot = await DiscordBot.StartAsync(fake);

        await Wait.UntilAsync(() => fake.GatewayReady, "READY once the identify budget is back");
        Assert.Single(fake.Identifies);
        Assert.Equal(0, fake.IdentifiesOverLimit);
    }

    [Fact]
    public async Task Stopping_the_bot_closes_the_session_with_1000_so_it_shows_offline_at_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var bot = await DiscordBot.StartAsync(fake);

        await bot.DisposeAsync();

        await Wait.UntilAsync(() => fake.ClientCloseCodes.Contains(1000), "the stopping bot's 1000 close");
    }

    [Fact]
    public async Task Socket_closes_that_end_the_session_lead_to_a_new_identify()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);

        await fake.CloseGatewayAsync(4009);

        await Wait.UntilAsync(() => fake.Identifies.Count == 2 && fake.GatewayReady, "a new session after 4009");
        Assert.Empty(fake.Resumes);
    }

    [Fact]
    public async Task Malformed_dispatches_and_frames_are_skipped_and_the_bot_keeps_going()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = new DiscordPerson(fake, bot, OliviaId, "Olivia");

        await fake.DispatchAsync("INTERACTION_CREATE", new JsonObject { ["id"] = new JsonObject(), ["type"] = "two" });
        await fake.DispatchAsync("INTERACTION_CREATE", new JsonObject { ["id"] = "1", ["type"] = 2, ["token"] = "t" }); // nobody used it
        await fake.DispatchAsync("INTERACTION_CREATE", new JsonArray(1, 2));
        await fake.DispatchAsync("MESSAGE_CREATE", JsonValue.Create("not a message"));
        await fake.DispatchAsync("MESSAGE_CREATE", new JsonObject { ["id"] = "2", ["channel_id"] = "3", ["content"] = "no author" });
        await fake.DispatchAsync("MESSAGE_CREATE", DirectMessage(fake, olivia.DirectMessageChannel, "from a bot", bot: true));
        await fake.DispatchAsync("MESSAGE_CREATE", DirectMessage(fake, "42000000000", "in a server", guild: FakeDiscord.GuildId));
        await fake.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = FakeDiscord.GuildId });
        await fake.DispatchAsync("INTERACTION_CREATE", olivia.NewInteraction(3, new JsonObject { ["custom_id"] = new string('x', 500) }, null));

        await olivia.Type("help");
        olivia.Expect("What I can do");
        Assert.Equal(1, fake.Connections);
    }

    [Fact]
    public async Task The_bot_never_answers_its_own_messages()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = new DiscordPerson(fake, bot, OliviaId, "Olivia");
        var own = DirectMessage(fake, olivia.DirectMessageChannel, "help");
        own["author"] = new JsonObject { ["id"] = FakeDiscord.BotUserId, ["username"] = "oneonone" };
        await fake.DispatchAsync("MESSAGE_CREATE", own);

        await olivia.Type("status");

        Assert.Equal(1, bot.Queue.Accepted);
    }

    internal static JsonObject DirectMessage(FakeDiscord fake, string channel, string text, bool bot = false, string? guild = null)
    {
        var message = new JsonObject
        {
            ["id"] = fake.NextId(),
            ["channel_id"] = channel,
            ["author"] = new JsonObject { ["id"] = OliviaId, ["username"] = "olivia", ["bot"] = bot },
            ["content"] = text,
            ["type"] = 0,
        };
        if (guild is not null)
        {
            message["guild_id"] = guild;
        }

        return message;
    }
}
