using System.Collections.Concurrent;
using System.Security.Cryptography;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Rest;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Posts rendered messages to a channel, a person's DM included. Every message carries a nonce that
/// Discord enforces, so a send retried after a lost answer shows up once, not twice.
/// </summary>
internal sealed class ChannelPoster(DiscordRestClient rest)
{
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    /// <summary>The DM channel with a person, opened once and remembered.</summary>
    public async Task<string> DirectMessageChannelAsync(string userId, CancellationToken ct)
    {
        if (_dmChannels.TryGetValue(userId, out var known))
        {
            return known;
        }

        var channel = await rest.CreateDmAsync(userId, ct);
        _dmChannels[userId] = channel.Id;
        return channel.Id;
    }

    /// <summary>Posts the messages in order and returns the first one's id.</summary>
    public async Task<string?> PostAsync(string channelId, IReadOnlyList<RenderedMessage> messages, CancellationToken ct)
    {
        string? first = null;
        foreach (var message in messages)
        {
            var payload = message.WithFlags(null).Payload;
            payload.Nonce = NewNonce();
            payload.EnforceNonce = true;
            var sent = await rest.CreateMessageAsync(channelId, payload, message.Files, ct);
            first ??= sent.Id;
        }

        return first;
    }

    /// <summary>Up to 25 characters, as Discord allows.</summary>
    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
