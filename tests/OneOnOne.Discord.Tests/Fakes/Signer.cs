using System.Text;
using NSec.Cryptography;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>Signs requests the way Discord does, with RFC 8032's first test key, so tests can send what Discord would.</summary>
public static class Signer
{
    public const string SecretKey = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private static readonly Key Key = NSec.Cryptography.Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(SecretKey), KeyBlobFormat.RawPrivateKey);

    public static string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(Key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));
}
