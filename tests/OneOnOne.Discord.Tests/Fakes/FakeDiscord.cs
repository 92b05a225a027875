using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>A call the bot made, as the fake saw it.</summary>
public sealed record RecordedCall(string Method, string Route, string Path, string? Authorization, string? UserAgent, string? Json, IReadOnlyList<RecordedFile> Files, int Status);

public sealed record RecordedFile(string Field, string FileName, string? ContentType, byte[] Content);

/// <summary>A message the bot made visible somewhere: a channel post, an interaction reply, an edit or a follow-up.</summary>
public sealed record PostedMessage(string Id, string ChannelId, string Via, string? InteractionId, JsonObject Body, IReadOnlyList<RecordedFile> Files)
{
    public string Content => Body["content"]?.GetValue<string>() ?? string.Empty;

    public int? Flags => Body["flags"]?.GetValue<int>();

    public IReadOnlyList<(string Label, string CustomId)> Buttons =>
        (Body["components"] as JsonArray ?? [])
        .SelectMany(row => row?["components"] as JsonArray ?? [])
        .Where(c => c?["type"]?.GetValue<int>() == 2)
        .Select(c => (c!["label"]!.GetValue<string>(), c["custom_id"]!.GetValue<string>()))
        .ToList();

    public string Text => Content + string.Concat((Body["embeds"] as JsonArray ?? []).Select(e =>
        (e?["description"] is { } description ? $"\n{description}" : string.Empty) +
        string.Concat((e?["fields"] as JsonArray ?? []).Select(f => $"\n{f?["name"]}: {f?["value"]}"))));
}

/// <summary>
/// A faithful little Discord on 127.0.0.1: the REST routes the bot uses (with rate-limit headers, a
/// per-channel message bucket, nonce-enforced sends and interaction token rules) and a Gateway
/// WebSocket (Hello, Identify, READY, heartbeats, Resume with replay). Tests script it: dispatch
/// events, inject 429s and 5xx, drop the socket, send op 7 or 9, stop acknowledging heartbeats.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string Token = "MTAxMDEwMTAxMA.GfAkEd.fake-token-for-tests-only";
    public const string ApplicationId = "900000000000000001";
    public const string BotUserId = "900000000000000002";
    public const string GuildId = "800000000000000001";
    public const string TeamChannelId = "800000000000000010";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly Dictionary<string, InteractionState> _interactions = [];
    private readonly Dictionary<string, string> _dmChannels = [];
    private readonly Dictionary<string, (DateTime WindowStart, int Used)> _messageBuckets = [];
    private readonly Dictionary<string, PostedMessage> _byNonce = [];
    private readonly List<(int Seq, string Type, JsonNode Data)> _events = [];
    private long _ids = 1_000_000;
    private int _seq;
    private string? _sessionId;
    private GatewaySocket? _socket;
    private TaskCompletionSource _connectionGate = Completed();

    private FakeDiscord(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiBaseUrl => BaseUrl + "/api/v10/";

    public List<RecordedCall> Calls { get; } = [];

    public List<PostedMessage> Messages { get; } = [];

    public List<JsonObject> Identifies { get; } = [];

    public List<JsonObject> Resumes { get; } = [];

    public List<int?> Heartbeats { get; } = [];

    public List<int> ClientCloseCodes { get; } = [];

    public int Connections { get; private set; }

    public List<JsonNode> GlobalCommands { get; private set; } = [];

    public List<JsonNode> GuildCommands { get; private set; } = [];

    /// <summary>Messages per channel per window before the fake answers 429 (sent in the rate-limit headers).</summary>
    public int MessageBucketLimit { get; set; } = 50;

    public TimeSpan MessageBucketWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>429s the bot caused by ignoring the headers (injected faults don't count).</summary>
    public int UnplannedRateLimits { get; private set; }

    public int HeartbeatIntervalMs { get; set; } = 30_000;

    /// <summary>Stop answering heartbeats: the connection turns into a zombie.</summary>
    public bool StopAcking { get; set; }

    /// <summary>Identifies Discord allows until <see cref="IdentifiesResetAt"/> (reported by GET /gateway/bot as session_start_limit).</summary>
    public int IdentifiesLeft { get; set; } = 999;

    public DateTime IdentifiesResetAt { get; set; } = DateTime.UtcNow.AddHours(4);

    /// <summary>Identifies sent with none left: on the real Discord, each one risks the bot token being reset.</summary>
    public int IdentifiesOverLimit { get; private set; }

    private TimeSpan? _identifiesResetAfterFirstAsk;

    /// <summary>None left; the budget comes back <paramref name="resetAfter"/> after the bot first asks for it, however long start-up took.</summary>
    public void UseUpIdentifies(TimeSpan resetAfter)
    {
        IdentifiesLeft = 0;
        _identifiesResetAfterFirstAsk = resetAfter;
    }

    /// <summary>Close code answered to the next Identify (e.g. 4004), instead of READY.</summary>
    public int? RefuseIdentifyWith { get; set; }

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.GatewayAsync);
        app.Map("/resume", fake.GatewayAsync);
        app.Map("/api/v10/{**path}", fake.RestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        _connectionGate.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---------------------------------------------------------------- scripting

    /// <summary>The next <paramref name="times"/> calls whose route contains <paramref name="route"/> fail this way, with Discord's JSON error <paramref name="code"/> if given.</summary>
    public void Fail(string route, int times, int status, double retryAfter = 0, bool global = false, int? code = null)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new Fault(route, status, retryAfter, global, Code: code));
        }
    }

    /// <summary>
    /// The next call whose route contains <paramref name="route"/> is refused with 403 and Discord's JSON error
    /// <paramref name="code"/>: 50001 Missing Access (the bot can't see the channel), 50013 Missing Permissions.
    /// </summary>
    public void Refuse(string route, int code) => _faults.Enqueue(new Fault(route, 403, 0, false, Code: code));

    /// <summary>The next call whose route contains <paramref name="route"/> does its work, but the bot is told <paramref name="status"/>, as when an answer is lost.</summary>
    public void FailAfterHandling(string route, int status) => _faults.Enqueue(new Fault(route, status, 0, false, AfterHandling: true));

    public string DirectMessageChannelOf(string userId)
    {
        lock (_lock)
        {
            if (!_dmChannels.TryGetValue(userId, out var channel))
            {
                channel = NextId();
                _dmChannels[userId] = channel;
            }

            return channel;
        }
    }

    /// <summary>An interaction the fake knows, so its token works for callbacks and edits.</summary>
    public void RegisterInteraction(string id, string token, string userId, bool acknowledged = false)
    {
        lock (_lock)
        {
            _interactions[id] = new InteractionState(id, token, userId) { Acknowledged = acknowledged };
        }
    }

    public IReadOnlyList<RecordedCall> CallsTo(string route)
    {
        lock (_lock)
        {
            return Calls.Where(c => c.Route.Contains(route, StringComparison.Ordinal)).ToList();
        }
    }

    /// <summary>The initial responses the bot posted for an interaction (the callback bodies).</summary>
    public IReadOnlyList<JsonObject> ResponsesTo(string interactionId)
    {
        lock (_lock)
        {
            return _interactions.TryGetValue(interactionId, out var state) ? state.Responses.ToList() : [];
        }
    }

    public IReadOnlyList<PostedMessage> MessagesSnapshot()
    {
        lock (_lock)
        {
            return Messages.ToList();
        }
    }

    public string NextId() => Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) + "000000000000";

    /// <summary>Sends a dispatch now, or keeps it for the replay of the next resume if no socket is up.</summary>
    public async Task<int> DispatchAsync(string type, JsonNode data)
    {
        int seq;
        GatewaySocket? socket;
        lock (_lock)
        {
            seq = ++_seq;
            _events.Add((seq, type, data));
            socket = _socket is { Identified: true, Closed: false } live ? live : null;
        }

        if (socket is not null)
        {
            await socket.SendAsync(new JsonObject { ["op"] = 0, ["s"] = seq, ["t"] = type, ["d"] = data.DeepClone() });
        }

        return seq;
    }

    /// <summary>Sends the exact same dispatch again with its original sequence number, as a resume replay may.</summary>
    public async Task RedeliverAsync(int seq)
    {
        (int Seq, string Type, JsonNode Data) entry;
        GatewaySocket? socket;
        lock (_lock)
        {
            entry = _events.Single(e => e.Seq == seq);
            socket = _socket;
        }

        await socket!.SendAsync(new JsonObject { ["op"] = 0, ["s"] = entry.Seq, ["t"] = entry.Type, ["d"] = entry.Data.DeepClone() });
    }

    /// <summary>Cuts the TCP connection with no close frame, as a network failure would.</summary>
    public void DropConnection() => _socket?.Context.Abort();

    /// <summary>New Gateway connections wait until <see cref="ReleaseConnections"/>; dispatches meanwhile are kept for the replay.</summary>
    public void HoldConnections() => _connectionGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseConnections() => _connectionGate.TrySetResult();

    public Task SendOpAsync(int op, JsonNode? data) => _socket!.SendAsync(new JsonObject { ["op"] = op, ["d"] = data });

    public Task CloseGatewayAsync(int code) => _socket!.CloseAsync(code);

    public bool GatewayReady => _socket is { Identified: true, Closed: false };

    // ---------------------------------------------------------------- REST

    private async Task RestAsync(HttpContext context)
    {
        var request = context.Request;
        var path = "/" + (string)context.Request.RouteValues["path"]!;
        var route = RouteOf(request.Method, path);
        string? json;
        IReadOnlyList<RecordedFile> files;
        int status;
        JsonNode? answer;
        Dictionary<string, string> headers = [];
        try
        {
            (json, files) = await ReadBodyAsync(request);
            (status, answer, headers) = files.Count > 0 && TakeUploadRefusal()
                ? (413, new JsonObject { ["message"] = "Request entity too large", ["code"] = 40005 }, headers)
                : Handle(request, route, path, json, files);
        }
        catch (InvalidFormBodyException exception)
        {
            json = null;
            files = [];
            (status, answer) = (400, new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = new JsonObject { ["_errors"] = exception.Message } });
        }

        lock (_lock)
        {
            Calls.Add(new RecordedCall(request.Method, route, path, request.Headers.Authorization, request.Headers.UserAgent, json, files, status));
        }

        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString());
        }
    }

    private (int Status, JsonNode? Answer, Dictionary<string, string> Headers) Handle(HttpRequest request, string route, string path, string? json, IReadOnlyList<RecordedFile> files)
    {
        var headers = new Dictionary<string, string>();
        if (_faults.TryPeek(out var fault) && route.Contains(fault.Route, StringComparison.Ordinal) && _faults.TryDequeue(out fault))
        {
            if (fault.AfterHandling)
            {
                Answer(request, route, path, json, files, headers);
                return (fault.Status, new JsonObject { ["message"] = "Bad Gateway", ["code"] = 0 }, []);
            }

            if (fault.Status == 429)
            {
                headers["Retry-After"] = Math.Ceiling(fault.RetryAfter).ToString(CultureInfo.InvariantCulture);
                if (fault.Global)
                {
                    headers["X-RateLimit-Global"] = "true";
                }

                headers["X-RateLimit-Scope"] = fault.Global ? "global" : "user";
                return (429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = fault.RetryAfter, ["global"] = fault.Global }, headers);
            }

            if (fault.Code is { } code)
            {
                var message = code switch { 10008 => "Unknown Message", 50001 => "Missing Access", 50013 => "Missing Permissions", _ => "Forbidden" };
                return (fault.Status, new JsonObject { ["message"] = message, ["code"] = code }, headers);
            }

            return (fault.Status, new JsonObject { ["message"] = "Internal Server Error", ["code"] = 0 }, headers);
        }

        return Answer(request, route, path, json, files, headers);
    }

    private (int Status, JsonNode? Answer, Dictionary<string, string> Headers) Answer(HttpRequest request, string route, string path, string? json, IReadOnlyList<RecordedFile> files, Dictionary<string, string> headers)
    {
        var needsBot = !route.StartsWith("POST interactions", StringComparison.Ordinal) && !route.Contains("webhooks", StringComparison.Ordinal);
        if (needsBot && request.Headers.Authorization != $"Bot {Token}")
        {
            return (401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 }, headers);
        }

        lock (_lock)
        {
            return route switch
            {
                "GET gateway/bot" => (200, new JsonObject
                {
                    ["url"] = BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/gateway",
                    ["shards"] = 1,
                    ["session_start_limit"] = SessionStartLimitLocked(),
                }, headers),
                "GET users/@me" => (200, new JsonObject { ["id"] = BotUserId, ["username"] = "oneonone", ["discriminator"] = "1234", ["bot"] = true }, headers),
                "GET users/@me/guilds" => (200, new JsonArray(new JsonObject { ["id"] = GuildId, ["name"] = "Fake Organizing Server", ["icon"] = null, ["owner"] = false, ["permissions"] = "52224", ["features"] = new JsonArray() }), headers),
                "GET applications/{app}/commands" => (200, new JsonArray([.. GlobalCommands.Select(c => c.DeepClone())]), headers),
                "GET applications/{app}/guilds/{guild}/commands" => (200, new JsonArray([.. GuildCommands.Select(c => c.DeepClone())]), headers),
                "PUT applications/{app}/commands" => (200, StoreCommands(json, guild: false), headers),
                "PUT applications/{app}/guilds/{guild}/commands" => (200, StoreCommands(json, guild: true), headers),
                "POST users/@me/channels" => (200, new JsonObject
                {
                    ["id"] = DirectMessageChannelOfLocked(JsonNode.Parse(json!)!["recipient_id"]!.GetValue<string>()),
                    ["type"] = 1,
                }, headers),
                "GET guilds/{guild}/channels" => (200, new JsonArray(
                    new JsonObject { ["id"] = TeamChannelId, ["type"] = 0, ["name"] = "team", ["guild_id"] = GuildId },
                    new JsonObject { ["id"] = NextId(), ["type"] = 2, ["name"] = "voice", ["guild_id"] = GuildId }), headers),
                "POST channels/{channel}/messages" => CreateMessage(path.Split('/')[2], json, files, headers),
                "POST interactions/{id}/{token}/callback" => Callback(path.Split('/')[2], Uri.UnescapeDataString(path.Split('/')[3]), json, headers),
                "PATCH webhooks/{app}/{token}/messages/@original" => Webhook(Uri.UnescapeDataString(path.Split('/')[3]), "original", json, files, headers),
                "POST webhooks/{app}/{token}" => Webhook(Uri.UnescapeDataString(path.Split('/')[3]), "followup", json, files, headers),
                _ => AnswerPermissionRoute(route, path, headers) ?? (404, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 }, headers),
            };
        }
    }

    private JsonObject SessionStartLimitLocked()
    {
        if (_identifiesResetAfterFirstAsk is { } resetAfterFirstAsk)
        {
            IdentifiesResetAt = DateTime.UtcNow + resetAfterFirstAsk;
            _identifiesResetAfterFirstAsk = null;
        }

        RefillIdentifiesLocked();
        var resetAfter = (long)Math.Ceiling((IdentifiesResetAt - DateTime.UtcNow).TotalMilliseconds);
        return new JsonObject { ["total"] = 1000, ["remaining"] = IdentifiesLeft, ["reset_after"] = Math.Max(0, resetAfter), ["max_concurrency"] = 1 };
    }

    private void RefillIdentifiesLocked()
    {
        if (DateTime.UtcNow >= IdentifiesResetAt)
        {
            IdentifiesLeft = 1000;
            IdentifiesResetAt = DateTime.UtcNow.AddDays(1);
        }
    }

    private JsonNode StoreCommands(string? json, bool guild)
    {
        var commands = JsonNode.Parse(json!)!.AsArray().Select(c =>
        {
            var copy = c!.DeepClone().AsObject();
            copy["id"] = NextId();
            copy["application_id"] = ApplicationId;
            copy["version"] = NextId();
            return (JsonNode)copy;
        }).ToList();
        if (guild)
        {
            GuildCommands = commands;
        }
        else
        {
            GlobalCommands = commands;
        }

        return new JsonArray([.. commands.Select(c => c.DeepClone())]);
    }

    private (int, JsonNode?, Dictionary<string, string>) CreateMessage(string channel, string? json, IReadOnlyList<RecordedFile> files, Dictionary<string, string> headers)
    {
        // A per-channel bucket, announced in the headers the way Discord does.
        var now = DateTime.UtcNow;
        var (start, used) = _messageBuckets.GetValueOrDefault(channel, (now, 0));
        if (now - start >= MessageBucketWindow)
        {
            (start, used) = (now, 0);
        }

        var resetAfter = Math.Max(0.001, (start + MessageBucketWindow - now).TotalSeconds);
        if (used >= MessageBucketLimit)
        {
            UnplannedRateLimits++;
            return (429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = resetAfter, ["global"] = false }, headers);
        }

        _messageBuckets[channel] = (start, used + 1);
        headers["X-RateLimit-Limit"] = MessageBucketLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (MessageBucketLimit - used - 1).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = "messages-bucket";

        var body = JsonNode.Parse(json!)!.AsObject();
        if (body["enforce_nonce"]?.GetValue<bool>() == true && body["nonce"]?.GetValue<string>() is { } nonce)
        {
            if (_byNonce.TryGetValue(channel + nonce, out var existing))
            {
                return (200, MessageJson(existing), headers);
            }
        }

        var message = Post(channel, "channel", null, body, files);
        if (body["nonce"]?.GetValue<string>() is { } key)
        {
            _byNonce[channel + key] = message;
        }

        return (200, MessageJson(message), headers);
    }

    private (int, JsonNode?, Dictionary<string, string>) Callback(string id, string token, string? json, Dictionary<string, string> headers)
    {
        if (!_interactions.TryGetValue(id, out var state) || state.Token != token)
        {
            return (404, new JsonObject { ["message"] = "Unknown interaction", ["code"] = 10062 }, headers);
        }

        if (state.Acknowledged)
        {
            return (400, new JsonObject { ["message"] = "Interaction has already been acknowledged.", ["code"] = 40060 }, headers);
        }

        state.Acknowledged = true;
        var body = JsonNode.Parse(json!)!.AsObject();
        state.ResponseTypes.Add(body["type"]!.GetValue<int>());
        state.Responses.Add(body);
        if (body["type"]!.GetValue<int>() == 4 && body["data"] is JsonObject data)
        {
            Post(ChannelOfInteraction(state), "callback", id, (JsonObject)data.DeepClone(), []);
        }

        return (204, null, headers);
    }

    private (int, JsonNode?, Dictionary<string, string>) Webhook(string token, string via, string? json, IReadOnlyList<RecordedFile> files, Dictionary<string, string> headers)
    {
        var state = _interactions.Values.FirstOrDefault(i => i.Token == token);
        if (state is null || !state.Acknowledged)
        {
            return (404, new JsonObject { ["message"] = "Unknown Webhook", ["code"] = 10015 }, headers);
        }

        var message = Post(ChannelOfInteraction(state), via, state.Id, JsonNode.Parse(json!)!.AsObject(), files);
        return (200, MessageJson(message), headers);
    }

    private string ChannelOfInteraction(InteractionState state) => DirectMessageChannelOfLocked(state.UserId);

    private PostedMessage Post(string channel, string via, string? interactionId, JsonObject body, IReadOnlyList<RecordedFile> files)
    {
        var message = new PostedMessage(NextId(), channel, via, interactionId, body, files);
        Messages.Add(message);
        return message;
    }

    /// <summary>The message as Discord returns it from a send or an edit: uploaded files come back as attachments with snowflake ids.</summary>
    private JsonObject MessageJson(PostedMessage message) => new JsonObject
    {
        ["type"] = 0,
        ["id"] = message.Id,
        ["channel_id"] = message.ChannelId,
        ["content"] = message.Content,
        ["author"] = new JsonObject { ["id"] = BotUserId, ["username"] = "oneonone", ["discriminator"] = "1234", ["bot"] = true, ["global_name"] = null },
        ["embeds"] = message.Body["embeds"]?.DeepClone() ?? new JsonArray(),
        ["components"] = DiscordShapes.Numbered(message.Body["components"]?.DeepClone() as JsonArray ?? []),
        ["attachments"] = new JsonArray([.. message.Files.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = NextId(),
            ["filename"] = f.FileName,
            ["size"] = f.Content.Length,
            ["url"] = $"{BaseUrl}/attachments/{message.ChannelId}/{f.FileName}",
            ["proxy_url"] = $"{BaseUrl}/attachments/{message.ChannelId}/{f.FileName}",
            ["content_type"] = f.ContentType,
        })]),
        ["flags"] = message.Flags ?? 0,
    }.WithUnusedMessageFields();

    private string DirectMessageChannelOfLocked(string userId)
    {
        if (!_dmChannels.TryGetValue(userId, out var channel))
        {
            channel = NextId();
            _dmChannels[userId] = channel;
        }

        return channel;
    }

    private static string RouteOf(string method, string path)
    {
        var route = SnowflakePattern().Replace(path.Trim('/'), "{id}");
        route = route switch
        {
            _ when route.StartsWith("applications/{id}/guilds/{id}/commands", StringComparison.Ordinal) => "applications/{app}/guilds/{guild}/commands",
            _ when route.StartsWith("applications/{id}/commands", StringComparison.Ordinal) => "applications/{app}/commands",
            _ when route.StartsWith("channels/{id}/messages", StringComparison.Ordinal) => "channels/{channel}/messages",
            _ when route.StartsWith("guilds/{id}/channels", StringComparison.Ordinal) => "guilds/{guild}/channels",
            _ when route.StartsWith("interactions/", StringComparison.Ordinal) && route.EndsWith("/callback", StringComparison.Ordinal) => "interactions/{id}/{token}/callback",
            _ when route.StartsWith("webhooks/", StringComparison.Ordinal) && route.EndsWith("/messages/@original", StringComparison.Ordinal) => "webhooks/{app}/{token}/messages/@original",
            _ when route.StartsWith("webhooks/", StringComparison.Ordinal) => "webhooks/{app}/{token}",
            _ => route,
        };
        return $"{method} {route}";
    }

    private async Task<(string? Json, IReadOnlyList<RecordedFile> Files)> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            return await ReadMultipartStrictlyAsync(request);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        return (text.Length == 0 ? null : text, []);
    }

    // ---------------------------------------------------------------- Gateway

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        await _connectionGate.Task;
        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new GatewaySocket(ws, context);
        lock (_lock)
        {
            _socket = socket;
            Connections++;
        }

        await socket.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        try
        {
            while (await socket.ReceiveAsync() is { } frame)
            {
                await OnFrameAsync(socket, frame);
            }

            if (ws.CloseStatus is { } status)
            {
                lock (_lock)
                {
                    ClientCloseCodes.Add((int)status);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
            // Dropped: the client reconnects.
        }
        finally
        {
            socket.Closed = true;
        }
    }

    private async Task OnFrameAsync(GatewaySocket socket, JsonObject frame)
    {
        switch (frame["op"]?.GetValue<int>())
        {
            case 1:
                lock (_lock)
                {
                    Heartbeats.Add(frame["d"]?.GetValue<int?>());
                }

                if (!StopAcking)
                {
                    await socket.SendAsync(new JsonObject { ["op"] = 11 });
                }

                break;
            case 2:
                var identify = frame["d"]!.AsObject();
                lock (_lock)
                {
                    Identifies.Add(identify);
                    RefillIdentifiesLocked();
                    if (IdentifiesLeft > 0)
                    {
                        IdentifiesLeft--;
                    }
                    else
                    {
                        IdentifiesOverLimit++;
                    }
                }

                if (RefuseIdentifyWith is { } code || identify["token"]?.GetValue<string>() != Token)
                {
                    await socket.CloseAsync(RefuseIdentifyWith ?? 4004);
                    return;
                }

                if ((identify["intents"]!.GetValue<int>() & (1 << 15 | 1 << 8 | 1 << 1)) != 0)
                {
                    await socket.CloseAsync(4014);
                    return;
                }

                int seq;
                lock (_lock)
                {
                    _sessionId = Guid.NewGuid().ToString("N");
                    _events.Clear();
                    _seq = 0;
                    seq = ++_seq;
                    socket.Identified = true;
                }

                await socket.SendAsync(new JsonObject
                {
                    ["op"] = 0,
                    ["s"] = seq,
                    ["t"] = "READY",
                    ["d"] = new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "oneonone", ["discriminator"] = "1234", ["global_name"] = null, ["bot"] = true },
                        ["session_id"] = _sessionId,
                        ["resume_gateway_url"] = BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/resume",
                        ["guilds"] = new JsonArray(),
                        ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
                    },
                });
                break;
            case 6:
                var resume = frame["d"]!.AsObject();
                List<(int Seq, string Type, JsonNode Data)> missed;
                bool valid;
                lock (_lock)
                {
                    Resumes.Add(resume);
                    valid = resume["session_id"]?.GetValue<string>() == _sessionId && resume["token"]?.GetValue<string>() == Token;
                    var from = resume["seq"]?.GetValue<int>() ?? 0;
                    missed = valid ? _events.Where(e => e.Seq > from).ToList() : [];
                    socket.Identified = valid;
                }

                if (!valid)
                {
                    await socket.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
                    return;
                }

                foreach (var (eventSeq, type, data) in missed)
                {
                    await socket.SendAsync(new JsonObject { ["op"] = 0, ["s"] = eventSeq, ["t"] = type, ["d"] = data.DeepClone() });
                }

                int resumedSeq;
                lock (_lock)
                {
                    resumedSeq = ++_seq;
                }

                await socket.SendAsync(new JsonObject { ["op"] = 0, ["s"] = resumedSeq, ["t"] = "RESUMED", ["d"] = new JsonObject() });
                break;
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    [GeneratedRegex(@"(?<=^|/)\d{6,20}(?=/|$)")]
    private static partial Regex SnowflakePattern();

    private sealed record Fault(string Route, int Status, double RetryAfter, bool Global, bool AfterHandling = false, int? Code = null);

    private sealed class InteractionState(string id, string token, string userId)
    {
        public string Id { get; } = id;

        public string Token { get; } = token;

        public string UserId { get; } = userId;

        public bool Acknowledged { get; set; }

        public List<int> ResponseTypes { get; } = [];

        public List<JsonObject> Responses { get; } = [];
    }

    /// <summary>One Gateway WebSocket, with sends serialised as a WebSocket requires.</summary>
    private sealed class GatewaySocket(WebSocket ws, HttpContext context)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public HttpContext Context { get; } = context;

        public volatile bool Identified;
        public volatile bool Closed;

        public async Task SendAsync(JsonObject payload)
        {
            await _send.WaitAsync();
            try
            {
                if (ws.State == WebSocketState.Open)
                {
                    await ws.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
            {
                // The client went away mid-send.
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task CloseAsync(int code)
        {
            await _send.WaitAsync();
            try
            {
                await ws.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake", CancellationToken.None);
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
            {
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task<JsonObject?> ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            using var frame = new MemoryStream();
            while (true)
            {
                var result = await ws.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                frame.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(frame.ToArray())!.AsObject();
                }
            }
        }
    }
}
