using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Slack.Tests.Fakes;

/// <summary>
/// A stand-in for Slack on 127.0.0.1: the Web API methods the bot calls (every call recorded), the
/// response URLs and upload URLs it hands out, and a Socket Mode WebSocket that sends envelopes,
/// records acknowledgements, resends unacknowledged envelopes on the next connection (as Slack does),
/// and can be told to drop or refresh the socket. Faults (429 with Retry-After, 5xx, ok:false) are
/// queued per method, optionally per channel.
/// </summary>
public sealed partial class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot-token-0001";
    public const string AppToken = "xapp-fake-app-token-0001";
    public const string TeamId = "T0FAKE";
    public const string BotUserId = "UBOT";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ApiCall> _calls = [];
    private readonly List<Post> _posts = [];
    private readonly List<Upload> _uploads = [];
    private readonly List<SocketAck> _acks = [];
    private readonly Dictionary<string, FakeUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _uploadedBytes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _unacked = new(StringComparer.Ordinal);
    private volatile bool _loseNextAck;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement?>> _ackWaiters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expiredHooks = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeSocket? _socket;
    private int _sequence;
    private int _connectionsOpened;

    private FakeSlack(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseUrl, "api/").ToString();

    /// <summary>How many times apps.connections.open handed out a socket URL.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>How many sockets are connected right now.</summary>
    public int LiveSockets { get; private set; }

    /// <summary>Sockets that reached the fake and got their hello, old and new; a refresh is over when one more has and one is live.</summary>
    public int SocketsAttached { get; private set; }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.Map("/api/{method}", fake.HandleApiAsync);
        app.MapPost("/hooks/{id}", fake.HandleHookAsync);
        app.MapPost("/upload/{id}", fake.HandleUploadAsync);
        app.Map("/socket", fake.HandleSocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    // ---- Arranging ----------------------------------------------------------------------------

    public void AddUser(string id, string realName, string? timeZone = "UTC", string? displayName = null)
    {
        lock (_gate)
        {
            _users[id] = new FakeUser(id, realName, displayName ?? realName.Split(' ')[0], timeZone);
        }
    }

    /// <summary>The next calls of <paramref name="method"/> (to <paramref name="channel"/> only, when given) fail like this, in order.</summary>
    public void Fail(string method, string? channel, params Fault[] faults)
    {
        lock (_gate)
        {
            var key = FaultKey(method, channel);
            if (!_faults.TryGetValue(key, out var queue))
            {
                _faults[key] = queue = new Queue<Fault>();
            }

            foreach (var fault in faults)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public const string InPlaceAnswerKind = "command_ack";

    public Uri NewResponseUrl() => new(BaseUrl, $"hooks/{Interlocked.Increment(ref _sequence)}");

    /// <summary>A response URL that has been used up: Slack answers 404 and the bot should fall back to the DM.</summary>
    public Uri ExpiredResponseUrl()
    {
        var url = NewResponseUrl();
        lock (_gate)
        {
            _expiredHooks.Add(url.Segments[^1]);
        }

        return url;
    }

    // ---- Inspecting ---------------------------------------------------------------------------

    public IReadOnlyList<ApiCall> Calls(string? method = null)
    {
        lock (_gate)
        {
            return _calls.Where(c => method is null || c.Method == method).ToList();
        }
    }

    public IReadOnlyList<Post> Posts
    {
        get
        {
            lock (_gate)
            {
                return _posts.ToList();
            }
        }
    }

    public int PostCount
    {
        get
        {
            lock (_gate)
            {
                return _posts.Count;
            }
        }
    }

    public IReadOnlyList<Upload> Uploads
    {
        get
        {
            lock (_gate)
            {
                return _uploads.ToList();
            }
        }
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; the fake's state changes wake it up.</summary>
    public async Task<T> WaitForAsync<T>(Func<T?> condition, string what, TimeSpan? limit = null)
        where T : class
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up waiting for {what}. Posts so far:\n" +
                                           string.Join("\n", Posts.Select(p => $"  #{p.Sequence} {p.Kind} {p.Channel}: {Clip(p.AllText)}")));
            }
        }
    }

    public Task<Post> WaitForPostAsync(int after, string fragment, string? channel = null) =>
        WaitForAsync(
            () => Posts.FirstOrDefault(p => p.Sequence >= after && p.AllText.Contains(fragment, StringComparison.Ordinal)
                                            && (channel is null || p.Channel == channel)),
            $"a post containing “{fragment}”");

    public Task<ApiCall> WaitForCallAsync(string method, Func<ApiCall, bool>? match = null, int after = 0) =>
        WaitForAsync(() => Calls(method).Skip(after).FirstOrDefault(c => match?.Invoke(c) ?? true), $"a call to {method}");

    // ---- Socket Mode --------------------------------------------------------------------------

    /// <summary>Sends an envelope on the live socket (waiting for one if needed); it is resent on later sockets until acknowledged.</summary>
    public async Task<string> SendEnvelopeAsync(string type, object payload, string? envelopeId = null)
    {
        envelopeId ??= Guid.NewGuid().ToString();
        var frame = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = type != "events_api",
            ["retry_attempt"] = 0,
            ["retry_reason"] = string.Empty,
        });
        _ackWaiters.GetOrAdd(envelopeId, _ => new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously));
        _unacked[envelopeId] = frame;
        var socket = await WaitForAsync(() => _socket, "a Socket Mode connection");
        await socket.TrySendAsync(frame);
        return envelopeId;
    }

    /// <summary>The acknowledgement's payload (null when it had none), once the bot has acknowledged the envelope.</summary>
    public Task<JsonElement?> AckOf(string envelopeId) =>
        _ackWaiters.GetOrAdd(envelopeId, _ => new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously))
            .Task.WaitAsync(TimeSpan.FromSeconds(20));

    public IReadOnlyList<SocketAck> Acks
    {
        get
        {
            lock (_gate)
            {
                return _acks.ToList();
            }
        }
    }

    /// <summary>Kills the live socket without a close handshake, as a network failure would.</summary>
    public void DropSocket()
    {
        FakeSocket? socket;
        lock (_gate)
        {
            // Forgotten at once, so what is sent next waits for the bot's new connection.
            (socket, _socket) = (_socket, null);
        }

        socket?.Abort();
    }

    /// <summary>The next acknowledgement is lost on the way and its socket dies, as if the network failed just then.</summary>
    public void LoseNextAck() => _loseNextAck = true;

    /// <summary>Asks the bot to move to a new socket, as Slack does every few hours.</summary>
    public async Task RequestRefreshAsync(string reason = "refresh_requested")
    {
        var socket = await WaitForAsync(() => _socket, "a Socket Mode connection");
        await socket.TrySendAsync(JsonSerializer.Serialize(new { type = "disconnect", reason, debug_info = new { host = "fake" } }));
    }

    // ---- Handlers -----------------------------------------------------------------------------

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        var body = await ReadAllAsync(context.Request.Body);
        var contentType = context.Request.ContentType ?? string.Empty;
        JsonElement? json = null;
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (contentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        else if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                form[key] = value.ToString();
            }
        }

        foreach (var (key, value) in context.Request.Query)
        {
            form[key] = value.ToString();
        }

        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        var channel = json?.TryGetProperty("channel", out var c) == true ? c.GetString()
            : json?.TryGetProperty("channel_id", out var cid) == true ? cid.GetString()
            : form.GetValueOrDefault("channel");
        var call = new ApiCall(Interlocked.Increment(ref _sequence), method, context.Request.Method, token, contentType, json, form, channel);

        Fault? fault;
        lock (_gate)
        {
            fault = TakeFault(method, channel);
            _calls.Add(call with { Fault = fault });
        }

        if (fault is not null)
        {
            await AnswerFaultAsync(context, fault);
            Changed();
            return;
        }

        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        if (token != expectedToken)
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error = token is null ? "not_authed" : "invalid_auth" });
            Changed();
            return;
        }

        var answer = Answer(call);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
        Changed();
    }

    private JsonObject Answer(ApiCall call)
    {
        var ok = new JsonObject { ["ok"] = true };
        switch (call.Method)
        {
            case "auth.test":
                ok["user_id"] = BotUserId;
                ok["bot_id"] = "BBOT";
                ok["team_id"] = TeamId;
                ok["team"] = "Fake Organizing Team";
                ok["user"] = "oneonone";
                ok["url"] = "https://fake-organizing-team.slack.com/";
                return ok;

            case "apps.connections.open":
                Interlocked.Increment(ref _connectionsOpened);
                ok["url"] = $"ws://{BaseUrl.Authority}/socket?ticket={Interlocked.Increment(ref _sequence)}";
                return ok;

            case "chat.postMessage" or "chat.postEphemeral" or "chat.update":
                var ts = $"1700000000.{Interlocked.Increment(ref _sequence):D6}";
                Record(call.Method, call.Channel, call.Json!.Value, responseUrl: null);
                ok["channel"] = call.Channel;
                ok["ts"] = ts;
                ok["message_ts"] = ts;
                return ok;

            case "conversations.open":
                ok["channel"] = new JsonObject { ["id"] = "D" + call.Json!.Value.GetProperty("users").GetString() };
                return ok;

            case "users.info":
                FakeUser? user;
                lock (_gate)
                {
                    user = _users.GetValueOrDefault(call.Form.GetValueOrDefault("user") ?? string.Empty);
                }

                if (user is null)
                {
                    return new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
                }

                ok["user"] = new JsonObject
                {
                    ["id"] = user.Id,
                    ["name"] = user.DisplayName.ToLowerInvariant(),
                    ["real_name"] = user.RealName,
                    ["tz"] = user.TimeZone,
                    ["tz_offset"] = 0,
                    ["is_bot"] = false,
                    ["profile"] = new JsonObject { ["real_name"] = user.RealName, ["display_name"] = user.DisplayName },
                };
                return ok;

            case "conversations.info":
                return ConversationInfo(call);

            case "views.open" or "views.push" or "views.update" or "views.publish":
                ok["view"] = new JsonObject { ["id"] = $"V{Interlocked.Increment(ref _sequence)}" };
                return ok;

            case "files.getUploadURLExternal":
                var fileId = $"F{Interlocked.Increment(ref _sequence)}";
                if (!int.TryParse(call.Form.GetValueOrDefault("length"), CultureInfo.InvariantCulture, out var length) || length <= 0)
                {
                    return new JsonObject { ["ok"] = false, ["error"] = "missing_argument" };
                }

                lock (_gate)
                {
                    _uploads.Add(new Upload(fileId, call.Form.GetValueOrDefault("filename") ?? string.Empty, length, null, null, null));
                }

                ok["upload_url"] = new Uri(BaseUrl, $"upload/{fileId}").ToString();
                ok["file_id"] = fileId;
                return ok;

            case "files.completeUploadExternal":
                var file = call.Json!.Value.GetProperty("files")[0];
                var id = file.GetProperty("id").GetString()!;
                lock (_gate)
                {
                    var index = _uploads.FindIndex(u => u.FileId == id);
                    if (index < 0 || !_uploadedBytes.TryGetValue(id, out var bytes))
                    {
                        return new JsonObject { ["ok"] = false, ["error"] = "file_not_found" };
                    }

                    _uploads[index] = _uploads[index] with
                    {
                        Bytes = bytes,
                        Channel = call.Channel,
                        Title = file.TryGetProperty("title", out var title) ? title.GetString() : null,
                    };
                }

                return ok;

            default:
                return new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
        }
    }

    private async Task HandleHookAsync(HttpContext context, string id)
    {
        var body = await ReadAllAsync(context.Request.Body);
        bool expired;
        lock (_gate)
        {
            expired = _expiredHooks.Contains(id);
        }

        if (expired)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("expired_url");
            Changed();
            return;
        }

        using var document = JsonDocument.Parse(body);
        Record("response_url", null, document.RootElement.Clone(), new Uri(BaseUrl, $"hooks/{id}"));
        await context.Response.WriteAsync("ok");
        Changed();
    }

    private async Task HandleUploadAsync(HttpContext context, string id)
    {
        var body = await ReadAllAsync(context.Request.Body);
        lock (_gate)
        {
            _uploadedBytes[id] = body;
        }

        await context.Response.WriteAsync($"OK - {body.Length}");
        Changed();
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(webSocket);
        await socket.TrySendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake","approximate_connection_time":3600},"connection_info":{"app_id":"AFAKE"}}""");
        lock (_gate)
        {
            _socket = socket;
            LiveSockets++;
            SocketsAttached++;
        }

        Changed();

        // Like Slack, resend what was never acknowledged, now that someone is listening again.
        foreach (var frame in _unacked.Values)
        {
            await socket.TrySendAsync(frame);
        }

        try
        {
            await foreach (var frame in socket.ReadFramesAsync(context.RequestAborted))
            {
                if (_loseNextAck)
                {
                    // Lost without a trace: the bot's send went through, then the connection dies.
                    _loseNextAck = false;
                    _ = Task.Delay(200).ContinueWith(_ => DropSocket(), TaskScheduler.Default);
                    continue;
                }

                using var document = JsonDocument.Parse(frame);
                var envelopeId = document.RootElement.GetProperty("envelope_id").GetString()!;
                JsonElement? payload = document.RootElement.TryGetProperty("payload", out var p) ? p.Clone() : null;
                lock (_gate)
                {
                    _acks.Add(new SocketAck(envelopeId, payload));
                }

                _unacked.TryRemove(envelopeId, out _);
                _ackWaiters.GetOrAdd(envelopeId, _ => new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(payload);
                Changed();
            }
        }
        finally
        {
            lock (_gate)
            {
                LiveSockets--;
                if (_socket == socket)
                {
                    _socket = null;
                }
            }

            Changed();
        }
    }

    // ---- Plumbing -----------------------------------------------------------------------------

    /// <summary>
    /// A slash command answered in its acknowledgement: Slack shows it in place, like a response-URL
    /// message, and buttons on it carry the command's response URL.
    /// </summary>
    public void RecordCommandAnswer(JsonElement body, Uri responseUrl) => Record(InPlaceAnswerKind, null, body.Clone(), responseUrl);

    private void Record(string kind, string? channel, JsonElement body, Uri? responseUrl)
    {
        lock (_gate)
        {
            _posts.Add(new Post(_posts.Count, kind, channel, body, responseUrl));
        }
    }

    private Fault? TakeFault(string method, string? channel)
    {
        foreach (var key in new[] { FaultKey(method, channel), FaultKey(method, null) })
        {
            if (_faults.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault))
            {
                return fault;
            }
        }

        return null;
    }

    private static async Task AnswerFaultAsync(HttpContext context, Fault fault)
    {
        if (fault == Fault.HangUp())
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Error is { } error)
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error });
        }
    }

    private void Changed()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private static string FaultKey(string method, string? channel) => channel is null ? method : $"{method}#{channel}";

    private static async Task<byte[]> ReadAllAsync(Stream body)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string Clip(string text) => text.Length <= 160 ? text.ReplaceLineEndings(" ") : text[..160].ReplaceLineEndings(" ") + "…";

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record FakeUser(string Id, string RealName, string DisplayName, string? TimeZone);

    /// <summary>One server-side socket; sends are serialised, as WebSocket requires.</summary>
    private sealed class FakeSocket(WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public async Task TrySendAsync(string frame)
        {
            await _sending.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The socket died under us: the frame stays unacknowledged and is resent later.
            }
            finally
            {
                _sending.Release();
            }
        }

        public void Abort() => socket.Abort();

        public async IAsyncEnumerable<byte[]> ReadFramesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                try
                {
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, ct);
                        frame.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage);
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                    yield break;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    try
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }
                    catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
                    {
                    }

                    yield break;
                }

                yield return frame.ToArray();
            }
        }
    }
}

/// <summary>One Web API call as the fake received it.</summary>
public sealed record ApiCall(
    int Sequence, string Method, string Verb, string? Token, string ContentType, JsonElement? Json, IReadOnlyDictionary<string, string> Form, string? Channel)
{
    /// <summary>The fault the fake answered with instead of a normal answer, if any.</summary>
    public Fault? Fault { get; init; }
}

/// <summary>A message the bot posted: chat.postMessage / postEphemeral / update, or a response URL post.</summary>
public sealed record Post(int Sequence, string Kind, string? Channel, JsonElement Body, Uri? ResponseUrl)
{
    public string Text => Body.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;

    /// <summary>Every text in the message, blocks included, with Slack's escapes undone: what a person reads.</summary>
    public string AllText => string.Join("\n", TextsIn(Body)).Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>The buttons in the message: label, action id, value.</summary>
    public IReadOnlyList<(string Label, string ActionId, string Value)> Buttons =>
        Body.TryGetProperty("blocks", out var blocks)
            ? blocks.EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "actions")
                .SelectMany(b => b.GetProperty("elements").EnumerateArray())
                .Select(e => (e.GetProperty("text").GetProperty("text").GetString()!, e.GetProperty("action_id").GetString()!,
                    e.TryGetProperty("value", out var v) ? v.GetString()! : string.Empty))
                .ToList()
            : [];

    /// <summary>The section texts exactly as sent, Slack's escapes included.</summary>
    public IReadOnlyList<string> SectionTexts =>
        Body.TryGetProperty("blocks", out var blocks)
            ? blocks.EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "section" && b.TryGetProperty("text", out _))
                .Select(b => b.GetProperty("text").GetProperty("text").GetString()!)
                .ToList()
            : [];

    public int BlockCount => Body.TryGetProperty("blocks", out var blocks) ? blocks.GetArrayLength() : 0;

    private static IEnumerable<string> TextsIn(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var text in TextsIn(property.Value))
                        {
                            yield return text;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in TextsIn(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }
}

/// <summary>A file the bot uploaded: <see cref="Bytes"/> and <see cref="Channel"/> are set once the upload is completed.</summary>
public sealed record Upload(string FileId, string FileName, int Length, byte[]? Bytes, string? Channel, string? Title);

public sealed record SocketAck(string EnvelopeId, JsonElement? Payload);

/// <summary>How the fake answers a call instead of normally.</summary>
public sealed record Fault(int Status, int? RetryAfterSeconds, string? Error)
{
    public static Fault RateLimited(int retryAfterSeconds = 1) => new(429, retryAfterSeconds, null);

    public static Fault ServerError(int status = 503) => new(status, null, null);

    public static Fault NotOk(string error) => new(200, null, error);

    /// <summary>The request arrives, then the connection drops with no answer: did Slack act on it? The bot can't know.</summary>
    public static Fault HangUp() => new(0, null, null);
}
