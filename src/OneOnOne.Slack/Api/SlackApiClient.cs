using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Slack.BlockKit;

namespace OneOnOne.Slack.Api;

/// <summary>
/// The Slack Web API methods the bot uses, typed. Every call: bearer token in the header (never in
/// the body or the URL), <c>ok:false</c> turned into a <see cref="SlackApiException"/> carrying
/// Slack's error code, 429 answered by waiting <c>Retry-After</c> for that method and channel only,
/// and 5xx or a dropped connection retried a few times with growing pauses.
/// </summary>
public sealed partial class SlackApiClient(
    IHttpClientFactory httpClients,
    IOptions<SlackOptions> options,
    SlackRateLimits limits,
    TimeProvider time,
    ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "OneOnOne.Slack";

    /// <summary>Rate-limited answers are expected under load, so they get more tries than failures do; each kind is counted apart.</summary>
    internal const int MaxRateLimitedAttempts = 12;

    internal const int MaxFailedAttempts = 5;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(5);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<SlackIdentityInfo> AuthTestAsync(CancellationToken ct)
    {
        var root = await CallJsonAsync("auth.test", new { }, channel: null, ct);
        return new SlackIdentityInfo(
            root.Str("user_id") ?? string.Empty, root.Str("bot_id"), root.Str("team_id") ?? string.Empty, root.Str("team"), root.Str("user"));
    }

    public async Task<SlackPosted> PostMessageAsync(string channel, string text, IReadOnlyList<LayoutBlock>? blocks, CancellationToken ct)
    {
        var root = await CallJsonAsync("chat.postMessage", new PostMessageBody(channel, text, blocks), channel, ct);
        return new SlackPosted(root.Str("channel") ?? channel, root.Str("ts") ?? string.Empty);
    }

    /// <summary>Shown only to <paramref name="user"/>, and only if they are active in the channel: never for anything that must arrive.</summary>
    public async Task<string> PostEphemeralAsync(string channel, string user, string text, IReadOnlyList<LayoutBlock>? blocks, CancellationToken ct)
    {
        var root = await CallJsonAsync("chat.postEphemeral", new PostEphemeralBody(channel, user, text, blocks), channel, ct);
        return root.Str("message_ts") ?? string.Empty;
    }

    public Task UpdateMessageAsync(string channel, string ts, string text, IReadOnlyList<LayoutBlock>? blocks, CancellationToken ct) =>
        CallJsonAsync("chat.update", new UpdateMessageBody(channel, ts, text, blocks), channel, ct);

    /// <summary>The id of the bot's DM with <paramref name="userId"/>, opening it if needed (Slack returns an existing one).</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken ct)
    {
        var root = await CallJsonAsync("conversations.open", new { users = userId }, channel: null, ct);
        return root.Get("channel").Str("id") ?? throw new SlackApiException("conversations.open", "invalid_response", transient: true);
    }

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken ct)
    {
        // users.info takes no JSON body: arguments go in the query string, the token stays in the header.
        var root = await CallAsync("users.info", HttpMethod.Get, $"?user={Uri.EscapeDataString(userId)}", static () => null, channel: null, ct);
        var user = root.Get("user");
        var profile = user.Get("profile");
        return new SlackUser(
            user.Str("id") ?? userId,
            user.Str("name") ?? userId,
            profile.Str("real_name") ?? user.Str("real_name"),
            profile.Str("display_name"),
            user.Str("tz"),
            user.Flag("is_bot"),
            user.Flag("deleted"));
    }

    public async Task<string> OpenViewAsync(string triggerId, SlackView view, CancellationToken ct)
    {
        var root = await CallJsonAsync("views.open", new OpenViewBody(triggerId, view), channel: null, ct);
        return root.Get("view").Str("id") ?? string.Empty;
    }

    public async Task<string> PushViewAsync(string triggerId, SlackView view, CancellationToken ct)
    {
        var root = await CallJsonAsync("views.push", new OpenViewBody(triggerId, view), channel: null, ct);
        return root.Get("view").Str("id") ?? string.Empty;
    }

    public Task UpdateViewAsync(string viewId, SlackView view, string? hash, CancellationToken ct) =>
        CallJsonAsync("views.update", new UpdateViewBody(viewId, view, hash), channel: null, ct);

    public Task PublishHomeAsync(string userId, SlackView view, CancellationToken ct) =>
        CallJsonAsync("views.publish", new PublishViewBody(userId, view), channel: userId, ct);

    public async Task<SlackUploadTicket> GetUploadUrlAsync(string fileName, int length, CancellationToken ct)
    {
        // Form arguments only: this method rejects JSON bodies.
        var root = await CallAsync("files.getUploadURLExternal", HttpMethod.Post, string.Empty, () => new FormUrlEncodedContent(
        [
            new("filename", fileName),
            new("length", length.ToString(CultureInfo.InvariantCulture)),
        ]), channel: null, ct);
        return Uri.TryCreate(root.Str("upload_url"), UriKind.Absolute, out var url) && root.Str("file_id") is { } id
            ? new SlackUploadTicket(url, id)
            : throw new SlackApiException("files.getUploadURLExternal", "invalid_response", transient: true);
    }

    /// <summary>Sends the file's bytes to the one-off upload URL. No token: the URL itself is the permission.</summary>
    public async Task UploadBytesAsync(Uri uploadUrl, byte[] content, string contentType, CancellationToken ct) =>
        await SendAsync(new Call("file upload", HttpMethod.Post, uploadUrl, () =>
        {
            var body = new ByteArrayContent(content);
            body.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            return body;
        }, Token: null, RateKey: "file upload", ExpectJson: false), ct);

    public Task CompleteUploadAsync(string fileId, string? title, string? channelId, CancellationToken ct) =>
        CallJsonAsync("files.completeUploadExternal", new CompleteUploadBody([new UploadedFile(fileId, title)], channelId), channelId, ct);

    /// <summary>A fresh, single-use Socket Mode URL (apps.connections.open, with the app-level token).</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken ct)
    {
        var token = options.Value.AppToken ?? throw new InvalidOperationException("Slack:AppToken is needed for Socket Mode.");
        var root = await SendAsync(new Call("apps.connections.open", HttpMethod.Post, MethodUri("apps.connections.open", string.Empty),
            () => new FormUrlEncodedContent([]), token, "apps.connections.open", ExpectJson: true), ct);
        return Uri.TryCreate(root.Str("url"), UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException("apps.connections.open", "invalid_response", transient: true);
    }

    /// <summary>Answers an interaction through its response URL. The URL is a secret: it is never logged.</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken ct) =>
        await SendAsync(new Call("response_url", HttpMethod.Post, responseUrl, () => JsonContent(message),
            Token: null, RateKey: "response_url", ExpectJson: false), ct);

    private Task<JsonElement> CallJsonAsync<TBody>(string method, TBody body, string? channel, CancellationToken ct) =>
        CallAsync(method, HttpMethod.Post, string.Empty, () => JsonContent(body), channel, ct);

    private Task<JsonElement> CallAsync(string method, HttpMethod verb, string query, Func<HttpContent?> content, string? channel, CancellationToken ct) =>
        SendAsync(new Call(method, verb, MethodUri(method, query), content,
            options.Value.BotToken ?? throw new InvalidOperationException("Slack:BotToken is not set."),
            SlackRateLimits.KeyFor(method, channel), ExpectJson: true), ct);

    private async Task<JsonElement> SendAsync(Call call, CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var (rateLimited, failed) = (0, 0);
        while (true)
        {
            await limits.WaitAsync(call.RateKey, ct);
            using var request = new HttpRequestMessage(call.Verb, call.Uri) { Content = call.Content() };
            if (call.Token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.Token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException exception)
            {
                if (++failed >= MaxFailedAttempts)
                {
                    throw new SlackApiException(call.Name, "connection_failed", transient: true, exception);
                }

                LogRetrying(call.Name, "connection failed", failed);
                await Task.Delay(Backoff(failed), time, ct);
                continue;
            }
            catch (TaskCanceledException exception) when (!ct.IsCancellationRequested)
            {
                // A timeout: Slack may have acted on the request, so it is not repeated blindly.
                throw new SlackApiException(call.Name, "timeout", transient: true, exception);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response);
                    limits.Pause(call.RateKey, wait);
                    if (++rateLimited >= MaxRateLimitedAttempts)
                    {
                        throw new SlackApiException(call.Name, "ratelimited", transient: true);
                    }

                    LogRateLimited(call.Name, wait.TotalSeconds);
                    continue;
                }

                if ((int)response.StatusCode >= 500)
                {
                    if (++failed >= MaxFailedAttempts)
                    {
                        throw new SlackApiException(call.Name, $"http_{(int)response.StatusCode}", transient: true);
                    }

                    LogRetrying(call.Name, $"HTTP {(int)response.StatusCode}", failed);
                    await Task.Delay(Backoff(failed), time, ct);
                    continue;
                }

                return await ReadAsync(call, response, ct);
            }
        }
    }

    private static async Task<JsonElement> ReadAsync(Call call, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        JsonElement root = default;
        var parsed = false;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
            parsed = root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            // Response URLs and upload URLs may answer plain "ok"; the status code speaks for them.
        }

        if (parsed && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
        {
            var error = root.Str("error") ?? "unknown_error";
            throw new SlackApiException(call.Name, error, SlackApiException.IsTransientError(error));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(call.Name, $"http_{(int)response.StatusCode}", transient: false);
        }

        if (call.ExpectJson && !parsed)
        {
            throw new SlackApiException(call.Name, "invalid_response", transient: true);
        }

        return root;
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestRetryAfter ? LongestRetryAfter : wait;
    }

    private static TimeSpan Backoff(int attempt) =>
        FirstBackoff * Math.Pow(2, attempt - 1) * (0.8 + (Random.Shared.NextDouble() * 0.4));

    private Uri MethodUri(string method, string query) => new(options.Value.ApiBaseUri, method + query);

    private static ByteArrayContent JsonContent<T>(T body)
    {
        var content = new ByteArrayContent(SlackJson.SerializeToUtf8(body));
        content.Headers.ContentType = Json;
        return content;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack rate-limited {Method}; waiting {Seconds} s before trying again")]
    private partial void LogRateLimited(string method, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack call {Method} failed ({Reason}) on attempt {Attempt}; retrying")]
    private partial void LogRetrying(string method, string reason, int attempt);

    private sealed record Call(string Name, HttpMethod Verb, Uri Uri, Func<HttpContent?> Content, string? Token, string RateKey, bool ExpectJson);

    private sealed record PostMessageBody(string Channel, string Text, IReadOnlyList<LayoutBlock>? Blocks)
    {
        // Links in the bot's words (help texts, invitations) should not grow previews.
        public bool UnfurlLinks => false;

        public bool UnfurlMedia => false;
    }

    private sealed record PostEphemeralBody(string Channel, string User, string Text, IReadOnlyList<LayoutBlock>? Blocks);

    private sealed record UpdateMessageBody(string Channel, string Ts, string Text, IReadOnlyList<LayoutBlock>? Blocks);

    private sealed record OpenViewBody(string TriggerId, SlackView View);

    private sealed record UpdateViewBody(string ViewId, SlackView View, string? Hash);

    private sealed record PublishViewBody(string UserId, SlackView View);

    private sealed record UploadedFile(string Id, string? Title);

    private sealed record CompleteUploadBody(IReadOnlyList<UploadedFile> Files, string? ChannelId);
}

/// <summary>What the bot sends to an interaction's response URL.</summary>
public sealed record ResponseUrlMessage(string Text, IReadOnlyList<LayoutBlock>? Blocks)
{
    /// <summary>"ephemeral": only the person who acted sees it.</summary>
    public string ResponseType { get; init; } = "ephemeral";

    public bool ReplaceOriginal { get; init; }
}
