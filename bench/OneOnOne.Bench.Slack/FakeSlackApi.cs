using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Bench.Slack;

/// <summary>
/// Just enough of Slack on 127.0.0.1 for the bot to run flat out against it: auth.test, users.info,
/// conversations.open, the chat.* and views.* methods, response URLs (counted, and checked for the help
/// text) and a Socket Mode WebSocket. Unlike the test fake it records nothing per call, only counters,
/// so its memory and CPU stay flat however long the benchmark runs.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotToken = "xoxb-bench-0000000000-0000000000000-benchbenchbenchbenchbench";
    public const string AppToken = "xapp-1-ABENCH-0000000000000-benchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbench00";
    public const string TeamId = "TBENCH";
    public const string BotUserId = "UBOTBENCH";

    /// <summary>In the help reply: a response URL post carrying it is the engine's answer to <c>/one-on-one help</c>.</summary>
    private static readonly byte[] HelpMarker = "What I can do"u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly Lock _socketGate = new();
    private long _hooks;
    private long _helpReplies;
    private long _helpRepliesInAcks;
    private long _firstHookTicks;
    private long _lastHookTicks;
    private long _refused;
    private WebSocket? _socket;
    private TaskCompletionSource<WebSocket> _socketReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSlackApi(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public long Hooks => Interlocked.Read(ref _hooks);

    public long HelpReplies => Interlocked.Read(ref _helpReplies);

    /// <summary>Of <see cref="HelpReplies"/>, those that came in a Socket Mode acknowledgement rather than to a response URL.</summary>
    public long HelpRepliesInAcks => Interlocked.Read(ref _helpRepliesInAcks);

    /// <summary>A help answer carried by an acknowledgement's payload.</summary>
    public void CountHelpReplyInAck()
    {
        Interlocked.Increment(ref _helpReplies);
        Interlocked.Increment(ref _helpRepliesInAcks);
    }

    public static bool IsHelpReply(ReadOnlySpan<byte> body) => body.IndexOf(HelpMarker) >= 0;

    public long LastHookTicks => Interlocked.Read(ref _lastHookTicks);

    /// <summary>Called with each frame the bot sends on the socket (acknowledgements).</summary>
    public Action<ReadOnlyMemory<byte>>? OnSocketFrame { get; set; }

    public static async Task<FakeSlackApi> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.UseWebSockets();
        app.Map("/api/{method}", fake.HandleApiAsync);
        app.MapPost("/hooks/{id}", fake.HandleHookAsync);
        app.MapGet("/stats", fake.Stats);
        app.Map("/socket", fake.HandleSocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Port = new Uri(address).Port;
        return fake;
    }

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    /// <summary>The bot's socket, once it has connected and been greeted.</summary>
    public Task<WebSocket> WaitForSocketAsync(TimeSpan limit)
    {
        lock (_socketGate)
        {
            return _socketReady.Task.WaitAsync(limit);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private object Stats() => new
    {
        hooks = Hooks,
        helpReplies = HelpReplies,
        refused = Interlocked.Read(ref _refused),
        firstHookMs = Interlocked.Read(ref _firstHookTicks) / TimeSpan.TicksPerMillisecond,
        lastHookMs = LastHookTicks / TimeSpan.TicksPerMillisecond,
        nowMs = Environment.TickCount64,
        calls = _calls.ToDictionary(kv => kv.Key, kv => kv.Value),
    };

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        var body = await ReadAllAsync(context.Request);
        var auth = context.Request.Headers.Authorization.ToString();
        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (auth != "Bearer " + expected)
        {
            Interlocked.Increment(ref _refused);
            await context.Response.WriteAsync("""{"ok":false,"error":"invalid_auth"}""");
            return;
        }

        var answer = method switch
        {
            "auth.test" => $$"""{"ok":true,"url":"https://bench.slack.com/","team":"Bench Team","user":"bench","team_id":"{{TeamId}}","user_id":"{{BotUserId}}","bot_id":"BBENCH"}""",
            "users.info" => UserInfo(context.Request.Query["user"].ToString()),
            "conversations.open" => "{\"ok\":true,\"channel\":{\"id\":\"D" + UsersOf(body) + "\"}}",
            "chat.postMessage" or "chat.postEphemeral" or "chat.update" =>
                $$"""{"ok":true,"channel":"C0BENCH","ts":"1700000000.{{Environment.TickCount64 % 1_000_000:D6}}","message_ts":"1700000000.000001"}""",
            "views.open" or "views.push" or "views.update" or "views.publish" => """{"ok":true,"view":{"id":"VBENCH"}}""",
            "apps.connections.open" => $$"""{"ok":true,"url":"ws://127.0.0.1:{{Port}}/socket?ticket={{Guid.NewGuid():N}}"}""",
            _ => """{"ok":true}""",
        };
        await context.Response.WriteAsync(answer);
    }

    private static string UserInfo(string userId) =>
        "{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"team_id\":\"" + TeamId + "\",\"name\":\"" + userId.ToLowerInvariant() + "\",\"deleted\":false,\"real_name\":\"Bench " + userId + "\",\"tz\":\"America/Chicago\",\"tz_offset\":-21600,\"is_bot\":false,\"profile\":{\"real_name\":\"Bench " + userId + "\",\"display_name\":\"" + userId + "\"}}}";

    private static string UsersOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("users", out var users) ? users.GetString() ?? "UNKNOWN" : "UNKNOWN";
        }
        catch (JsonException)
        {
            return "UNKNOWN";
        }
    }

    private async Task HandleHookAsync(HttpContext context)
    {
        var body = await ReadAllAsync(context.Request);
        var now = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
        Interlocked.CompareExchange(ref _firstHookTicks, now, 0);
        Interlocked.Exchange(ref _lastHookTicks, now);
        Interlocked.Increment(ref _hooks);
        if (IsHelpReply(body))
        {
            Interlocked.Increment(ref _helpReplies);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync("""{"ok":true}""");
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await socket.SendAsync(
            """{"type":"hello","num_connections":1,"debug_info":{"host":"bench"},"connection_info":{"app_id":"ABENCH"}}"""u8.ToArray(),
            WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        lock (_socketGate)
        {
            _socket = socket;
            _socketReady.TrySetResult(socket);
        }

        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), context.RequestAborted);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                OnSocketFrame?.Invoke(buffer.AsMemory(0, length));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            lock (_socketGate)
            {
                if (_socket == socket)
                {
                    _socket = null;
                    _socketReady = new TaskCompletionSource<WebSocket>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }

    private static async Task<byte[]> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
