using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Bot;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Verification;
using OneOnOne.Testing;

namespace OneOnOne.Slack.Tests.Support;

/// <summary>
/// The real bot host (<see cref="BotHost.Build"/>), configured for Slack against a <see cref="FakeSlack"/>
/// and a temporary SQLite file, listening on 127.0.0.1.
/// </summary>
public sealed class SlackBot : IAsyncDisposable
{
    private const string DatabaseFile = "bot.db";

    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly string _directory;
    private bool _killed;

    private SlackBot(IHost host, FakeSlack slack, SlackTransport transport, string directory, Uri? address)
    {
        Host = host;
        Slack = slack;
        Transport = transport;
        _directory = directory;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) };
        Signer = new SlackSignatureVerifier(SigningSecret, TimeProvider.System);
    }

    public IHost Host { get; }

    public FakeSlack Slack { get; }

    public SlackTransport Transport { get; }

    public Uri? Address { get; }

    public HttpClient Http { get; }

    public SlackSignatureVerifier Signer { get; }

    public IServiceProvider Services => Host.Services;

    public string DatabasePath => Path.Combine(_directory, DatabaseFile);

    /// <summary>What the host logged at the levels its settings let through.</summary>
    public LogCapture Logs { get; private init; } = new();

    public static Dictionary<string, string?> Settings(FakeSlack slack, SlackTransport transport, string databasePath) => new()
    {
        ["Slack:BotToken"] = FakeSlack.BotToken,
        ["Slack:AppToken"] = transport == SlackTransport.SocketMode ? FakeSlack.AppToken : null,
        ["Slack:SigningSecret"] = transport == SlackTransport.Http ? SigningSecret : null,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        // As long as the platform allows: a slow first command on a busy test machine still answers in place.
        ["Slack:InlineAnswerWindow"] = "00:00:02.5",
        ["Database:ConnectionString"] = $"Data Source={databasePath}",
        ["Bot:DefaultTimeZone"] = "UTC",
        ["Urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
    };

    public static Task<SlackBot> StartAsync(FakeSlack slack, SlackTransport transport, IReadOnlyDictionary<string, string?>? extra = null) =>
        StartAsync(slack, transport, extra, configure: null);

    /// <inheritdoc cref="StartAsync(FakeSlack, SlackTransport, IReadOnlyDictionary{string, string?}?)"/>
    /// <param name="configure">Has the last word on the host's registrations, e.g. Kestrel's limits.</param>
    public static Task<SlackBot> StartAsync(
        FakeSlack slack, SlackTransport transport, IReadOnlyDictionary<string, string?>? extra, Action<IHostApplicationBuilder>? configure)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"oneonone-slack-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return StartInAsync(directory, slack, transport, extra, configure);
    }

    /// <summary>
    /// The process dies: the host stops with no time to finish anything (an already-cancelled token) and is
    /// thrown away, keeping only the data file. Then a new bot starts on that file; it owns the file from now on.
    /// </summary>
    public async Task<SlackBot> KillAndRestartAsync(Action<IHostApplicationBuilder>? configure = null)
    {
        _killed = true;
        Http.Dispose();
        using var noTime = new CancellationTokenSource();
        await noTime.CancelAsync();
        try
        {
            await Host.StopAsync(noTime.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or AggregateException)
        {
            // Nothing was given time to stop cleanly: that is the point.
        }

        Host.Dispose();
        return await StartInAsync(_directory, Slack, Transport, extra: null, configure);
    }

    private static async Task<SlackBot> StartInAsync(
        string directory, FakeSlack slack, SlackTransport transport, IReadOnlyDictionary<string, string?>? extra, Action<IHostApplicationBuilder>? configure)
    {
        var settings = Settings(slack, transport, Path.Combine(directory, DatabaseFile));
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var logs = new LogCapture();
        var host = BotHost.Build([], settings, builder =>
        {
            builder.Logging.AddProvider(logs);
            // The quick-answer window never lapses by itself here: whether an answer rides on the acknowledgement
            // must not depend on how busy this machine is.
            builder.Services.AddSingleton(new InlineAnswerClock(new FakeTimeProvider()));
            configure?.Invoke(builder);
        });
        await host.StartAsync();
        var address = host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var bot = new SlackBot(host, slack, transport, directory, address is null ? null : new Uri(address)) { Logs = logs };
        if (transport == SlackTransport.SocketMode)
        {
            await slack.WaitForAsync(() => slack.LiveSockets > 0 ? slack : null, "the bot's Socket Mode connection");
        }

        return bot;
    }

    public SlackPerson Person(string userId) => new(this, userId);

    /// <summary>POSTs <paramref name="body"/> as Slack would, signed now (or at <paramref name="signedAt"/>).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(
        string path, string body, string contentType, DateTimeOffset? signedAt = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, Signer.Sign(timestamp, bytes));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        if (_killed)
        {
            return;
        }

        Http.Dispose();
        await Host.StopAsync();
        Host.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; a temp folder left behind is harmless.
        }
    }
}
