using System.Buffers;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace OneOnOne.Discord.Verification;

/// <summary>
/// Checks that an HTTP interaction really comes from Discord: an Ed25519 signature, by the
/// application's public key, over the <c>X-Signature-Timestamp</c> header followed by the raw body.
/// Discord probes endpoints with bad signatures and drops any that accept one, so this is strict:
/// anything malformed is simply invalid.
/// </summary>
internal sealed class InteractionVerifier
{
    private const int SignatureLength = 64;
    private const int MaxTimestampLength = 20;

    private readonly PublicKey? _key;

    public InteractionVerifier(IOptions<DiscordOptions> options)
        : this(options.Value.PublicKey)
    {
    }

    public InteractionVerifier(string? publicKeyHex)
    {
        if (!string.IsNullOrWhiteSpace(publicKeyHex))
        {
            _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex.Trim()), KeyBlobFormat.RawPublicKey);
        }
    }

    /// <summary>False when no public key is configured: then no request can be trusted.</summary>
    public bool Enabled => _key is not null;

    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null || signatureHex is not { Length: SignatureLength * 2 }
            || timestamp is not { Length: > 0 and <= MaxTimestampLength } || !timestamp.All(char.IsAsciiDigit))
        {
            return false;
        }

        // The signed message is the timestamp's digits followed by the body, byte for byte.
        var length = timestamp.Length + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var message = rented.AsSpan(0, length);
            for (var i = 0; i < timestamp.Length; i++)
            {
                message[i] = (byte)timestamp[i];
            }

            body.CopyTo(message[timestamp.Length..]);
            return IsValidSignature(message, signatureHex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Plain Ed25519 over any message: what <see cref="IsValid"/> does once the message is put together.</summary>
    internal bool IsValidSignature(ReadOnlySpan<byte> message, string signatureHex)
    {
        Span<byte> signature = stackalloc byte[SignatureLength];
        return _key is not null
               && signatureHex.Length == SignatureLength * 2
               && Convert.FromHexString(signatureHex, signature, out _, out var written) == OperationStatus.Done
               && written == SignatureLength
               && SignatureAlgorithm.Ed25519.Verify(_key, message, signature);
    }
}
