using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OneOnOne.Bench.Discord;

/// <summary>The built bot (Release) as its own process, configured for the HTTP endpoint only, and its memory from /proc.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _database;

    private BotProcess(Process process, string baseUrl, string database)
    {
        _process = process;
        BaseUrl = baseUrl;
        _database = database;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<BotProcess> StartAsync(BenchOptions options, string apiBaseUrl, string workDirectory)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "OneOnOne.Bot", "bin",
            AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0", "OneOnOne.Bot.dll");
        var port = FreePort();
        var database = Path.Combine(options.DatabaseDirectory ?? workDirectory, $"bench-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(bot)])
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Discord__BotToken"] = "MTEwMDAwMDAwMDAwMDAwMDAwMw.bench.token-for-the-stub-only",
                ["Discord__ApplicationId"] = StubDiscord.ApplicationId,
                ["Discord__PublicKey"] = RequestFile.PublicKey,
                ["Discord__UseGateway"] = "false",
                ["Discord__ApiBaseUrl"] = apiBaseUrl,
                ["Database__ConnectionString"] = $"Data Source={database}",
                ["Bot__DefaultTimeZone"] = "UTC",
                ["urls"] = $"http://127.0.0.1:{port}",
                ["Logging__LogLevel__Default"] = "Error",
                ["Logging__LogLevel__OneOnOne"] = "Error",
                ["DOTNET_gcServer"] = options.ServerGc ? "1" : "0",
            },
        };
        foreach (var setting in options.Environment)
        {
            start.Environment[setting.Key] = setting.Value;
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var result = new BotProcess(process, $"http://127.0.0.1:{port}", database);
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(result.BaseUrl + "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return result;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The bot didn't start within 30 s.");
    }

    /// <summary>Peak resident memory (VmHWM) of the bot process.</summary>
    public double PeakMemoryMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>Resident memory now, split into anonymous (heaps), file-backed (mapped code) and shared (JIT'd code) pages.</summary>
    public string MemoryBreakdown()
    {
        var lines = File.ReadLines($"/proc/{_process.Id}/status").ToList();
        string MiB(string key) => (double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString("N0", CultureInfo.InvariantCulture);
        return $"resident {MiB("VmRSS:")} MiB = heaps {MiB("RssAnon:")} + mapped files {MiB("RssFile:")} + shared {MiB("RssShmem:")}";
    }

    /// <summary>Waits until the engine has stopped finishing work (no new edits for two seconds).</summary>
    public static async Task WaitForQuietAsync(StubDiscord discord)
    {
        var last = -1L;
        for (var i = 0; i < 600 && discord.Edits != last; i++)
        {
            last = discord.Edits;
            await Task.Delay(2000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
