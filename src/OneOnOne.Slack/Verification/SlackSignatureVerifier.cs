using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OneOnOne.Slack.Verification;

/// <summary>The outcome of checking a request's Slack signature.</summary>
public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    Malformed,

    /// <summary>Signed more than five minutes before or after our clock: a replay, or a badly wrong clock.</summary>
    OutsideWindow,
    Mismatch,
}

/// <summary>
/// Checks Slack's <c>v0</c> request signature: HMAC-SHA256 with the signing secret over
/// <c>v0:{timestamp}:{raw body}</c>, compared in constant time, and only for timestamps within five
/// minutes of now in either direction. The body must be the exact bytes received: parsing first and
/// re-serialising would change them.
/// </summary>
public sealed class SlackSignatureVerifier
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Prefix = "v0=";
    private const int HashHexLength = 64;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
        : this(options.Value.SigningSecret ?? string.Empty, time)
    {
    }

    public SlackSignatureVerifier(string signingSecret, TimeProvider time)
    {
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || _key.Length == 0)
        {
            return SignatureCheck.MissingHeaders;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Malformed;
        }

        if (signature.Length != Prefix.Length + HashHexLength || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> claimed = stackalloc byte[HashHexLength / 2];
        if (Convert.FromHexString(signature.AsSpan(Prefix.Length), claimed, out _, out var written) != OperationStatus.Done
            || written != claimed.Length)
        {
            return SignatureCheck.Malformed;
        }

        var age = _time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > (long)Window.TotalSeconds)
        {
            return SignatureCheck.OutsideWindow;
        }

        Span<byte> expected = stackalloc byte[HashHexLength / 2];
        Compute(timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(claimed, expected) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The signature header value Slack would send for this body: what the tests and the benchmark sign with.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashHexLength / 2];
        Compute(timestamp, body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    private void Compute(string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData("v0:"u8);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hmac.AppendData(":"u8);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
