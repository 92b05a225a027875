using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace OneOnOne.Bench.Discord;

/// <summary>
/// Interactions as Discord sends them for <c>/one-on-one help</c> in a server: each with its own id
/// and token, from 100 different members, signed with RFC 8032's first test key (the bot is given
/// its public key). One file per wrk thread, one request per line: timestamp, signature, body.
/// </summary>
internal static class RequestFile
{
    public const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string SecretKey = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    public static void Write(string directory, int count, int files, int seed = 1, bool ping = false)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(SecretKey), KeyBlobFormat.RawPrivateKey);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var writers = Enumerable.Range(0, files).Select(i => new StreamWriter(Path.Combine(directory, $"requests-{i}.tsv"), false, new UTF8Encoding(false))).ToArray();
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var id = (1_300_000_000_000_000_000L + (seed * 10_000_000L) + i).ToString(CultureInfo.InvariantCulture);
                var user = (1_200_000_000_000_000_000L + (i % 100)).ToString(CultureInfo.InvariantCulture);
                var body = ping ? "{\"type\":1,\"id\":\"" + id + "\",\"application_id\":\"" + StubDiscord.ApplicationId + "\",\"token\":\"t\",\"version\":1}" : Body(id, user);
                var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));
                var writer = writers[i % files];
                lock (writer)
                {
                    writer.Write(timestamp);
                    writer.Write('\t');
                    writer.Write(signature);
                    writer.Write('\t');
                    writer.Write(body);
                    writer.Write('\n');
                }
            });
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer.Dispose();
            }
        }
    }

    private static string Body(string id, string user) =>
        "{\"app_permissions\":\"562949953601536\",\"application_id\":\"" + StubDiscord.ApplicationId + "\"," +
        "\"authorizing_integration_owners\":{\"0\":\"1100000000000000001\"},\"channel_id\":\"1100000000000000010\",\"context\":0," +
        "\"data\":{\"id\":\"1100000000000000100\",\"name\":\"one-on-one\",\"options\":[{\"name\":\"help\",\"type\":1}],\"type\":1}," +
        "\"entitlements\":[],\"guild_id\":\"1100000000000000001\",\"guild_locale\":\"en-US\",\"id\":\"" + id + "\",\"locale\":\"en-US\"," +
        "\"member\":{\"avatar\":null,\"deaf\":false,\"flags\":0,\"joined_at\":\"2026-01-01T00:00:00.000000+00:00\",\"mute\":false,\"nick\":null," +
        "\"pending\":false,\"permissions\":\"2248473465835073\",\"roles\":[],\"user\":{\"avatar\":null,\"discriminator\":\"0\"," +
        "\"global_name\":\"Organizer " + user[^2..] + "\",\"id\":\"" + user + "\",\"public_flags\":0,\"username\":\"organizer" + user[^2..] + "\"}}," +
        "\"token\":\"aW50ZXJhY3Rpb246" + id + ":benchmarktokenbenchmarktokenbenchmarktokenbenchmarktokenbenchmarktokenbenchmarktokenbenchmarktoken\"," +
        "\"type\":2,\"version\":1}";
}
