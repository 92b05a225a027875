using System.Globalization;

namespace OneOnOne.Bench.Discord;

/// <summary>
/// The two pieces <c>bench/compare.sh</c> needs to run the same Discord load against the bot and against
/// the Node peer with wrk directly:
/// <c>sign --dir D [--requests 200000] [--files 2] [--seed 1] [--ping]</c> writes the pre-signed request
/// files <c>interactions.lua</c> replays, and <c>stub [--max-seconds 600]</c> serves the stub Discord
/// REST API, printing its base URL on the first line and the count of edits at <c>GET /stats</c>.
/// </summary>
internal static class ScriptCommands
{
    public static bool Handles(string[] args) => args is ["sign", ..] or ["stub", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        if (args[0] == "sign")
        {
            var directory = Value("--dir") ?? throw new ArgumentException("--dir is required");
            RequestFile.Write(directory, Number("--requests", 200_000), Number("--files", 2), Number("--seed", 1), args.Contains("--ping"));
            return 0;
        }

        await using var discord = await StubDiscord.StartAsync();
        Console.WriteLine(discord.ApiBaseUrl);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(Number("--max-seconds", 600)));
        await discord.WaitForShutdownAsync(limit.Token);
        return 0;
    }
}
