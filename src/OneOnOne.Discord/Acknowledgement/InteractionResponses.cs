using System.Text.Json;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Acknowledgement;

/// <summary>
/// The first answers that are always the same, built and serialised once: nearly every interaction is
/// answered with one of these, so the endpoint's hot path allocates and serialises nothing for them.
/// </summary>
internal static class InteractionResponses
{
    public static readonly InteractionResponse Pong = new() { Type = InteractionCallbackType.Pong };

    public static readonly InteractionResponse DeferredPrivately = new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        Data = new InteractionCallbackData { Flags = MessageFlags.Ephemeral },
    };

    public static readonly InteractionResponse Deferred = new() { Type = InteractionCallbackType.DeferredChannelMessageWithSource };

    public static readonly InteractionResponse BusyPrivately = Message(Phrases.Busy, MessageFlags.Ephemeral);

    public static readonly InteractionResponse Busy = Message(Phrases.Busy, null);

    /// <summary>For an interaction the bot can't read: always private, since it may not even know where it was used.</summary>
    public static readonly InteractionResponse Unreadable = Message(Phrases.Unreadable, MessageFlags.Ephemeral);

    // Responses compare by reference: these very instances.
    private static readonly Dictionary<InteractionResponse, byte[]> Serialized = new[] { Pong, DeferredPrivately, Deferred, BusyPrivately, Busy, Unreadable }
        .ToDictionary(r => r, r => JsonSerializer.SerializeToUtf8Bytes(r, DiscordJson.Default.InteractionResponse));

    public static InteractionResponse Defer(int? flags) => flags is null ? Deferred : DeferredPrivately;

    public static InteractionResponse BusyFor(int? flags) => flags is null ? Busy : BusyPrivately;

    public static InteractionResponse Message(string text, int? flags, List<Component>? components = null) => new()
    {
        Type = InteractionCallbackType.ChannelMessageWithSource,
        Data = new InteractionCallbackData { Content = text, Components = components, Flags = flags, AllowedMentions = AllowedMentions.None },
    };

    /// <summary>The JSON of a response: precomputed for the common ones, serialised for the rest.</summary>
    public static byte[] Json(InteractionResponse response) =>
        Serialized.TryGetValue(response, out var json) ? json : JsonSerializer.SerializeToUtf8Bytes(response, DiscordJson.Default.InteractionResponse);
}
