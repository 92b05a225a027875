using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Bot;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>
/// The real bot host (<see cref="BotHost.Build"/>, as <c>dotnet run</c> builds it) pointed at a
/// <see cref="FakeDiscord"/> and a temporary SQLite file, with short retry delays and a fast scheduler.
/// </summary>
public sealed class DiscordBot : IAsyncDisposable
{
    private readonly string _database = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"oneonone-discord-{Guid.NewGuid():N}.db");
    private IHost? _host;
    private IReadOnlyDictionary<string, string?>? _settings;

    private DiscordBot()
    {
    }

    public IServiceProvider Services => _host!.Services;

    public string HttpBaseUrl { get; private set; } = string.Empty;

    /// <summary>What the host logged at the levels its settings let through.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The durable inbox every input for the engine goes through.</summary>
    internal DurableInbox Queue => Services.GetRequiredService<DurableInbox>();

    public static Dictionary<string, string?> Settings(FakeDiscord fake, string database) => new()
    {
        ["Discord:BotToken"] = FakeDiscord.Token,
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
        // As long as the platform allows: a slow first command on a busy test machine still answers in place.
        ["Discord:InlineAnswerWindow"] = "00:00:02.5",
        ["Discord:RetryBaseDelay"] = "00:00:00.010",
        ["Discord:ReconnectDelay"] = "00:00:00.020",
        ["Discord:ReadyTimeout"] = "00:00:10",
        ["Database:ConnectionString"] = $"Data Source={database}",
        ["Bot:DefaultTimeZone"] = "UTC",
        ["Scheduling:Interval"] = "00:00:00.200",
        ["FollowUps:QuietHoursStart"] = "00:00",
        ["FollowUps:QuietHoursEnd"] = "00:00",
        ["urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Builds and starts the host; <paramref name="settings"/> adds to or overrides <see cref="Settings"/> (null removes one).</summary>
    public static Task<DiscordBot> StartAsync(FakeDiscord fake, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(fake, settings, configure: null);

    /// <inheritdoc cref="StartAsync(FakeDiscord, IReadOnlyDictionary{string, string?}?)"/>
    /// <param name="configure">Has the last word on the host's registrations, e.g. Kestrel's limits.</param>
    public static async Task<DiscordBot> StartAsync(FakeDiscord fake, IReadOnlyDictionary<string, string?>? settings, Action<IHostApplicationBuilder>? configure)
    {
        var bot = new DiscordBot { _settings = settings };
        await bot.StartHostAsync(fake, configure);
        return bot;
    }

    /// <summary>
    /// The process dies: the host stops with no time to finish anything (an already-cancelled token) and is
    /// thrown away, keeping only the data file. Then a new host starts on it, with the same settings.
    /// </summary>
    public async Task KillAndRestartAsync(FakeDiscord fake, Action<IHostApplicationBuilder>? configure = null)
    {
        var killed = _host!;
        using var noTime = new CancellationTokenSource();
        await noTime.CancelAsync();
        try
        {
            await killed.StopAsync(noTime.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or AggregateException)
        {
            // Nothing was given time to stop cleanly: that is the point.
        }

        killed.Dispose();
        await StartHostAsync(fake, configure);
    }

    private async Task StartHostAsync(FakeDiscord fake, Action<IHostApplicationBuilder>? configure)
    {
        _host = CreateHost(fake, _settings, configure);
        await _host.StartAsync();
        var addresses = Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        HttpBaseUrl = addresses?.FirstOrDefault()?.TrimEnd('/') ?? string.Empty;
    }

    /// <summary>
    /// Starts a host that should refuse to start, and returns why. Like <c>RunAsync</c> after a failed
    /// start, the host is then disposed without being stopped.
    /// </summary>
    public static async Task<Exception> FailToStartAsync(FakeDiscord fake, IReadOnlyDictionary<string, string?>? settings = null)
    {
        await using var bot = new DiscordBot();
        var host = bot.CreateHost(fake, settings);
        try
        {
            await host.StartAsync();
        }
        catch (Exception exception)
        {
            host.Dispose();
            return exception;
        }

        bot._host = host;
        throw new InvalidOperationException("The bot started, and it shouldn't have.");
    }

    /// <summary>Waits until everything queued so far has been handled.</summary>
    public Task IdleAsync(string what) =>
        Wait.UntilAsync(() => Queue.Finished == Queue.Accepted, $"the bot to finish handling {what}");

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _host.StopAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
            {
                // Start-up failed on purpose in some tests; nothing to stop.
            }

            _host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private IHost CreateHost(FakeDiscord fake, IReadOnlyDictionary<string, string?>? settings, Action<IHostApplicationBuilder>? configure = null)
    {
        var all = Settings(fake, _database);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return BotHost.Build([], all, builder =>
        {
            builder.Logging.AddProvider(Logs);
            // The quick-answer window never lapses by itself here: whether an answer rides on the acknowledgement
            // must not depend on how busy this machine is.
            builder.Services.AddSingleton(new InlineAnswerClock(new FakeTimeProvider()));
            configure?.Invoke(builder);
        });
    }
}
