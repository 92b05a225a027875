using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OneOnOne.Telemetry;

namespace OneOnOne.Bot.Tests.Operations;

/// <summary>The probes an orchestrator or load balancer calls, over real HTTP against the bot's own host.</summary>
public sealed class HealthProbeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oneonone-health-{Guid.NewGuid():N}");
    private readonly SlackStub _slack = SlackStub.Start();

    public HealthProbeTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task A_started_bot_is_alive_and_ready_and_its_readiness_names_each_check()
    {
        using var host = Build();
        await host.StartAsync();
        using var http = Client(host);

        using var alive = await http.GetAsync("/healthz");
        using var legacy = await http.GetAsync("/health");
        using var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("healthy", (await JsonAsync(alive)).GetProperty("status").GetString());
        var checks = (await JsonAsync(ready)).GetProperty("checks");
        Assert.Equal(["database", "platform", "scheduler"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), check => Assert.Equal("healthy", check.Value.GetProperty("status").GetString()));
        Assert.Equal("The platform reaches the bot over HTTP.", checks.GetProperty("platform").GetProperty("description").GetString());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_platform_connection_that_is_down_makes_readiness_503_naming_it_while_the_bot_stays_alive()
    {
        var connection = new PlatformConnection();
        connection.Connecting();
        using var host = Build(services => services.AddSingleton(connection));
        await host.StartAsync();
        using var http = Client(host);

        using var ready = await http.GetAsync("/readyz");
        using var alive = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        var body = await JsonAsync(ready);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("platform").GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        connection.Opened();
        using var again = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await host.StopAsync();
    }

    [Fact]
    public async Task Before_start_up_the_database_is_not_migrated_and_the_scheduler_not_started_so_the_bot_is_not_ready()
    {
        // Building the host creates nothing (backup builds it too); an empty file is a database with no migrations yet.
        await File.WriteAllBytesAsync(Path.Combine(_directory, "bot.db"), []);
        using var host = Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["database"].Status);
        Assert.Contains("migration(s) not applied yet", report.Entries["database"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["scheduler"].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["platform"].Status);
    }

    [Fact]
    public void The_console_serves_no_probes()
    {
        using var host = BotHost.Build([BotModes.ConsoleFlag], Settings());

        Assert.Null(host.Services.GetService<HealthCheckService>());
        Assert.Null(host.Services.GetService<IServer>());
    }

    private IHost Build(Action<IServiceCollection>? configure = null) =>
        BotHost.Build([], Settings(), builder => configure?.Invoke(builder.Services));

    private Dictionary<string, string?> Settings()
    {
        var settings = _slack.BotSettings(0).ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => pair.Value);
        settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "bot.db")}";
        settings["Bot:DefaultTimeZone"] = "UTC";
        settings["Logging:LogLevel:Default"] = "Critical";
        return settings;
    }

    private static HttpClient Client(IHost host) => new()
    {
        BaseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public void Dispose()
    {
        _slack.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
