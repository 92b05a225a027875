using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneOnOne.Bench.Slack;

// The Slack benchmark's helper (see run.sh):
//   fake   [--port 0] [--ready-file F] [--max-seconds 600]   a fake Slack Web API for the HTTP benchmark
//   socket [--port 0] [--ready-file F] [--warmup 1000] [--duration 20] [--window 32] [--users 64] [--max-seconds 180]
//          Socket Mode envelope throughput, with the fake playing Slack (start the bot with Slack:AppToken)
//   bare   [--port 0] [--ready-file F] [--max-seconds 600] --secret S
//          the reference: a bare ASP.NET Core endpoint that checks the signature and answers a fixed JSON
//   sign   --secret S --timestamp T --body B                  the v0 signature Slack would send (to check the wrk script)
var command = args.FirstOrDefault() ?? "help";
var options = Options.Parse(args.Skip(1));

switch (command)
{
    case "fake":
    {
        await using var fake = await FakeSlackApi.StartAsync(options.Int("port", 0));
        options.WriteReady(fake.Port);
        Console.WriteLine($"fake: Slack Web API on http://127.0.0.1:{fake.Port}/api/");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.Int("max-seconds", 600)));
        try
        {
            await fake.WaitForShutdownAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("fake: time limit reached, stopping");
        }

        return 0;
    }

    case "socket":
    {
        await using var fake = await FakeSlackApi.StartAsync(options.Int("port", 0));
        options.WriteReady(fake.Port);
        using var bench = new SocketModeBench(fake, new SocketBenchOptions(
            Warmup: options.Int("warmup", 1_000),
            Duration: TimeSpan.FromSeconds(options.Int("duration", 20)),
            MaxEnvelopes: options.Int("max-envelopes", 2_000_000),
            Window: options.Int("window", 32),
            Users: options.Int("users", 64),
            ResendAfter: TimeSpan.FromSeconds(2),
            Limit: TimeSpan.FromSeconds(options.Int("max-seconds", 180))));
        return await bench.RunAsync();
    }

    case "bare":
        return await BareEndpoint.RunAsync(options.Int("port", 0), options.Str("secret"), options.WriteReady, options.Int("max-seconds", 600));

    case "sign":
    {
        var secret = Encoding.UTF8.GetBytes(options.Str("secret"));
        var message = Encoding.UTF8.GetBytes($"v0:{options.Str("timestamp")}:{options.Str("body")}");
        Console.WriteLine("v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, message)));
        return 0;
    }

    default:
        Console.Error.WriteLine("usage: fake | socket | sign (see Program.cs)");
        return 64;
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                values[key] = "true";
            }
            else if (key is not null)
            {
                values[key] = arg;
                key = null;
            }
        }

        return new Options(values);
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string Str(string name) =>
        values.TryGetValue(name, out var text) ? text : throw new ArgumentException($"--{name} is required");

    /// <summary>Tells run.sh the port, atomically (written aside, then renamed).</summary>
    public void WriteReady(int port)
    {
        if (values.TryGetValue("ready-file", out var path))
        {
            File.WriteAllText(path + ".tmp", port.ToString(CultureInfo.InvariantCulture));
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }
}
