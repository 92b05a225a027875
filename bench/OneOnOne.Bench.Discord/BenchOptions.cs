using System.Globalization;

namespace OneOnOne.Bench.Discord;

/// <summary><c>--connections 32 --threads 2 --duration 10 --requests 200000 [--database-dir /dev/shm] [--server-gc] [--ping] [--env NAME=VALUE]...</c>.</summary>
internal sealed record BenchOptions(int Connections, int Threads, TimeSpan Duration, int Requests, string? DatabaseDirectory, bool ServerGc, bool Ping, IReadOnlyDictionary<string, string> Environment)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Number("--connections", 32),
            Number("--threads", 2),
            TimeSpan.FromSeconds(Number("--duration", 10)),
            Number("--requests", 200_000),
            Value("--database-dir"),
            args.Contains("--server-gc"),
            args.Contains("--ping"),
            args.Select((a, i) => (a, i)).Where(x => x.a == "--env" && x.i + 1 < args.Length)
                .Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]));
    }
}
