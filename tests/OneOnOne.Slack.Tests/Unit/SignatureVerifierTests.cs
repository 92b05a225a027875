using System.Text;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Slack.Verification;

namespace OneOnOne.Slack.Tests.Unit;

/// <summary>Slack's documented signing example (platform notes A1), and every way a signature can be wrong.</summary>
public sealed class SignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static SlackSignatureVerifier At(long unixSeconds, string secret = Secret) =>
        new(secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Slacks_documented_example_verifies_and_signs_to_the_documented_value()
    {
        var verifier = At(1531420618);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Timestamp, Expected, Body));
        Assert.Equal(Expected, verifier.Sign(Timestamp, Body));
    }

    [Fact]
    public void A_wrong_secret_or_a_changed_body_does_not_match()
    {
        Assert.Equal(SignatureCheck.Mismatch, At(1531420618, "another-secret").Verify(Timestamp, Expected, Body));

        var tampered = (byte[])Body.Clone();
        tampered[^1] ^= 1;
        Assert.Equal(SignatureCheck.Mismatch, At(1531420618).Verify(Timestamp, Expected, tampered));
        Assert.Equal(SignatureCheck.Mismatch, At(1531420618).Verify(Timestamp, Expected, Body.AsSpan(0, Body.Length - 1)));
        Assert.Equal(SignatureCheck.Mismatch, At(1531420619).Verify("1531420619", Expected, Body));
    }

    [Theory]
    [InlineData(-300, SignatureCheck.Valid)]
    [InlineData(300, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.OutsideWindow)]
    [InlineData(-301, SignatureCheck.OutsideWindow)]
    [InlineData(86_400, SignatureCheck.OutsideWindow)]
    public void Only_five_minutes_either_side_of_now_are_accepted(int clockAhead, SignatureCheck expected)
    {
        Assert.Equal(expected, At(1531420618 + clockAhead).Verify(Timestamp, Expected, Body));
    }

    [Theory]
    [InlineData(null, Expected, SignatureCheck.MissingHeaders)]
    [InlineData(Timestamp, null, SignatureCheck.MissingHeaders)]
    [InlineData("", "", SignatureCheck.MissingHeaders)]
    [InlineData("15314206x8", Expected, SignatureCheck.Malformed)]
    [InlineData("-1531420618", Expected, SignatureCheck.Malformed)]
    [InlineData("99999999999999999999", Expected, SignatureCheck.Malformed)]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Malformed)]
    [InlineData(Timestamp, "v0=a2114d57", SignatureCheck.Malformed)]
    [InlineData(Timestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Malformed)]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature, SignatureCheck expected)
    {
        Assert.Equal(expected, At(1531420618).Verify(timestamp, signature, Body));
    }

    [Fact]
    public void Uppercase_hex_is_the_same_signature()
    {
        Assert.Equal(SignatureCheck.Valid, At(1531420618).Verify(Timestamp, "v0=" + Expected[3..].ToUpperInvariant(), Body));
    }

    [Fact]
    public void Without_a_secret_nothing_verifies()
    {
        Assert.Equal(SignatureCheck.MissingHeaders, At(1531420618, string.Empty).Verify(Timestamp, Expected, Body));
    }
}
