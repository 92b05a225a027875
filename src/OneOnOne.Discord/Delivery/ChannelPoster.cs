using System.Collections.Concurrent;
using System.Security.Cryptography;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Rendering;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Posts rendered messages to a channel, a person's DM included. Every message carries a nonce that
/// Discord enforces, so a send retried after a lost answer shows up once, not twice: retries inside
/// the REST client reuse it, and a message sent again later (a retried follow-up) derives the same
/// nonce from its delivery key. Discord remembers nonces for a few minutes.
/// </summary>
internal sealed class ChannelPoster(DiscordRestClient rest, AttachmentFallback attachments)
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
    public Task<string?> PostAsync(string channelId, IReadOnlyList<RenderedMessage> messages, CancellationToken ct) =>
        PostAsync(channelId, messages, deliveryKey: null, ct);

    /// <inheritdoc cref="PostAsync(string, IReadOnlyList{RenderedMessage}, CancellationToken)"/>
    /// <param name="deliveryKey">Stable across attempts to send the same thing; null for a fresh nonce.</param>
    public async Task<string?> PostAsync(string channelId, IReadOnlyList<RenderedMessage> messages, string? deliveryKey, CancellationToken ct)
    {
        string? first = null;
        for (var i = 0; i < messages.Count; i++)
        {
            // Without its files, the message is the same message: the nonce stays.
            var nonce = deliveryKey is null ? NewNonce() : NonceFor(deliveryKey, i);
            var sent = await attachments.SendAsync(messages[i], message =>
            {
                var payload = message.WithFlags(null).Payload;
                payload.Nonce = nonce;
                payload.EnforceNonce = true;
                return rest.CreateMessageAsync(channelId, payload, message.Files, ct);
            });
            first ??= sent.Id;
        }

        return first;
    }

    /// <summary>Up to 25 characters, as Discord allows.</summary>
    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The same 24 characters for the same key and page, and unlike any other's.</summary>
    private static string NonceFor(string deliveryKey, int page) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{deliveryKey}#{page}")))[..24];
}
