using System.Text.Json;
using System.Text.Json.Serialization;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Core.Inbox;
using OneOnOne.Slack.Acknowledgement;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Conversation;

/// <summary>
/// Slack's side of the durable inbox: what a delivery is stored as (the parsed request, response URL
/// included, in the person's lane), and how a stored one is run again. A slash command accepted by this
/// process may still find its acknowledgement waiting for an inline answer; after a restart it answers
/// through its response URL, or in the DM.
/// </summary>
public sealed class SlackInbox(SlackConversation conversation) : IInboxHandler
{
    /// <summary>Deliveries that may wait per worker before Slack hears "busy" (HTTP 503, or no Socket Mode acknowledgement).</summary>
    public const int CapacityPerWorker = 2_000;

    private const string SlashCommand = "slash_command";
    private const string DirectMessage = "direct_message";
    private const string ButtonPress = "button_press";
    private const string HomeOpened = "home_opened";

    public string Platform => SlackConversation.PlatformKey;

    /// <summary>How <paramref name="request"/> is stored: one person's deliveries share a lane, so they are handled in the order they arrived.</summary>
    public static NewInboxItem ItemFor(SlackRequest request)
    {
        var (actor, kind, payload) = request switch
        {
            SlashCommandRequest r => (r.Actor, SlashCommand, JsonSerializer.Serialize(r, SlackInboxJson.Default.SlashCommandRequest)),
            DirectMessageRequest r => (r.Actor, DirectMessage, JsonSerializer.Serialize(r, SlackInboxJson.Default.DirectMessageRequest)),
            ButtonPressRequest r => (r.Actor, ButtonPress, JsonSerializer.Serialize(r, SlackInboxJson.Default.ButtonPressRequest)),
            HomeOpenedRequest r => (r.Actor, HomeOpened, JsonSerializer.Serialize(r, SlackInboxJson.Default.HomeOpenedRequest)),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "Not something the inbox keeps."),
        };
        var platform = SlackConversation.PlatformKey;
        var deliveryKey = request.DeliveryId is { } id ? $"{platform}:{actor.TeamId}:{id}" : null;
        return new NewInboxItem(platform, $"{platform}:{actor.TeamId}:{actor.UserId}", deliveryKey, kind, payload);
    }

    public Task HandleAsync(InboxWork work, CancellationToken ct) => work.Kind switch
    {
        SlashCommand => conversation.HandleCommandAsync(
            Read(work, SlackInboxJson.Default.SlashCommandRequest), work.Live as InlineAnswer ?? InlineAnswer.Declined(), ct),
        DirectMessage => conversation.HandleAsync(Read(work, SlackInboxJson.Default.DirectMessageRequest), ct),
        ButtonPress => conversation.HandleAsync(Read(work, SlackInboxJson.Default.ButtonPressRequest), ct),
        HomeOpened => conversation.HandleAsync(Read(work, SlackInboxJson.Default.HomeOpenedRequest), ct),
        _ => throw new InvalidOperationException($"Unknown Slack inbox item kind {work.Kind}."),
    };

    private static T Read<T>(InboxWork work, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(work.Payload, type) ?? throw new JsonException($"An empty {work.Kind} payload.");
}

[JsonSerializable(typeof(SlashCommandRequest))]
[JsonSerializable(typeof(DirectMessageRequest))]
[JsonSerializable(typeof(ButtonPressRequest))]
[JsonSerializable(typeof(HomeOpenedRequest))]
internal sealed partial class SlackInboxJson : JsonSerializerContext;
