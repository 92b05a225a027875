using System.Text;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Discord.Verification;

namespace OneOnOne.Discord.Tests.Interactions;

public sealed class InteractionVerifierTests
{
    private const string DiscordStyleSignature =
        "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f";

    private readonly InteractionVerifier _verifier = new(Signer.PublicKey);

    [Theory]
    [InlineData( // RFC 8032 §7.1, TEST 1: the empty message.
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData( // TEST 2: one byte, 0x72.
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Accepts_the_RFC_8032_test_vectors_and_refuses_them_altered(string publicKey, string messageHex, string signature)
    {
        var verifier = new InteractionVerifier(publicKey);
        var message = Convert.FromHexString(messageHex);

        Assert.True(verifier.IsValidSignature(message, signature));
        Assert.False(verifier.IsValidSignature([.. message, 0x00], signature));
        Assert.False(verifier.IsValidSignature(message, Flip(signature, 10)));
    }

    [Fact]
    public void Accepts_a_Discord_style_request_signed_over_timestamp_and_raw_body()
    {
        Assert.True(_verifier.IsValid(DiscordStyleSignature, "1700000000", "{\"type\":1}"u8));
    }

    [Theory]
    [InlineData("1700000001", "{\"type\":1}")]    // another timestamp
    [InlineData("1700000000", "{\"type\":2}")]    // one body byte flipped
    [InlineData("1700000000", "{\"type\": 1}")]   // the same JSON, re-serialised
    [InlineData("1700000000", "{\"type\":1}\n")]  // a trailing newline
    public void Refuses_anything_but_the_exact_bytes_that_were_signed(string timestamp, string body)
    {
        Assert.False(_verifier.IsValid(DiscordStyleSignature, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(null, "1700000000")]
    [InlineData("", "1700000000")]
    [InlineData("zz", "1700000000")]
    [InlineData(DiscordStyleSignature + "00", "1700000000")]
    [InlineData(DiscordStyleSignature, null)]
    [InlineData(DiscordStyleSignature, "")]
    [InlineData(DiscordStyleSignature, "17OOOOOOOO")]
    public void Refuses_missing_or_malformed_headers(string? signature, string? timestamp)
    {
        Assert.False(_verifier.IsValid(signature, timestamp, "{\"type\":1}"u8));
    }

    [Fact]
    public void Refuses_a_signature_in_uppercase_hex_only_if_it_is_wrong()
    {
        Assert.True(_verifier.IsValid(DiscordStyleSignature.ToUpperInvariant(), "1700000000", "{\"type\":1}"u8));
        Assert.False(_verifier.IsValid(Flip(DiscordStyleSignature, 0), "1700000000", "{\"type\":1}"u8));
    }

    [Fact]
    public void Without_a_public_key_nothing_is_trusted()
    {
        var verifier = new InteractionVerifier((string?)null);

        Assert.False(verifier.Enabled);
        Assert.False(verifier.IsValid(DiscordStyleSignature, "1700000000", "{\"type\":1}"u8));
    }

    [Fact]
    public void The_test_signer_produces_what_Discord_would_send()
    {
        Assert.Equal(DiscordStyleSignature, Signer.Sign("1700000000", "{\"type\":1}"u8.ToArray()));
    }

    private static string Flip(string hex, int index) =>
        hex[..index] + (hex[index] == '0' ? '1' : '0') + hex[(index + 1)..];
}
