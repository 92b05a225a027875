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

namespace OneOnOne.Discord.Tests.Delivery;

/// <summary>
/// Right after a deferral Discord may not have made the "thinking…" message yet, and an edit of it meets
/// 10008 Unknown Message: the edit is tried again after short pauses (on a fake clock here) before the
/// usual apology path takes over.
/// </summary>
public sealed class UnknownMessageRetryTests : IAsyncLifetime
{
    private const int UnknownMessage = 10008;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_edit_that_meets_unknown_message_a_few_times_is_tried_again_and_lands_in_place(int unknown)
    {
        _fake.Fail("PATCH webhooks", unknown, 404, code: UnknownMessage);

        var delivery = DeliverAsync("Here you go");
        await Wait.UntilAsync(() => _fake.CallsTo("PATCH webhooks").Count == 1, "the first edit");
        Assert.False(delivery.IsCompleted, "The next try waits for the clock.");
        await AdvanceUntilAsync(delivery);

        Assert.Equal([.. Enumerable.Repeat(404, unknown), 200], _fake.CallsTo("PATCH webhooks").Select(c => c.Status));
        var reply = Assert.Single(_fake.MessagesSnapshot());
        Assert.Equal(("original", "Here you go"), (reply.Via, reply.Content));
    }

    [Fact]
    public async Task An_original_that_never_appears_gives_way_to_the_apology_path_and_the_answer_reaches_the_DMs()
    {
        var tries = InteractionReplier.UnknownMessageBackoff.Count + 1;
        _fake.Fail("PATCH webhooks", tries + 1, 404, code: UnknownMessage);

        await AdvanceUntilAsync(DeliverAsync("Here you go"));

        // Every try of the answer, then the apology's one edit; both refused, so the answer goes to the DMs.
        Assert.Equal(tries + 1, _fake.CallsTo("PATCH webhooks").Count);
        var reply = Assert.Single(_fake.MessagesSnapshot());
        Assert.Equal(("channel", _olivia.DirectMessageChannel, "Here you go"), (reply.Via, reply.ChannelId, reply.Content));
    }

    private Task DeliverAsync(string text)
    {
        var services = _bot.Services;
        var replier = new InteractionReplier(services.GetRequiredService<DiscordRestClient>(), services.GetRequiredService<DiscordRenderer>(),
            services.GetRequiredService<ChannelPoster>(), services.GetRequiredService<AttachmentFallback>(), services.GetRequiredService<IMessenger>(), _time,
            NullLogger<InteractionReplier>.Instance);
        var interaction = _olivia.NewInteraction(2, new JsonObject { ["name"] = "one-on-one" }, inGuild: null);
        var origin = InteractionOrigin.From(JsonSerializer.Deserialize(interaction.ToJsonString(), DiscordJson.Default.Interaction)!)!;
        _fake.RegisterInteraction(origin.Id, origin.Token, _olivia.UserId, acknowledged: true);
        return replier.DeliverAsync(origin, [new Outbound(ToSender.Instance, [new TextBlock(text)])], Task.CompletedTask, null, CancellationToken.None);
    }

    /// <summary>Moves the fake clock on until the delivery is done: each pause ends only when the clock passes it.</summary>
    private async Task AdvanceUntilAsync(Task delivery)
    {
        await Wait.UntilAsync(() =>
        {
            _time.Advance(InteractionReplier.UnknownMessageBackoff.Max());
            return delivery.IsCompleted;
        }, "the delivery");
        await delivery;
    }
}
