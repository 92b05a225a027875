using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Http;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Wire;
using Polly.Timeout;

namespace OneOnOne.Slack.Api;

/// <summary>
/// The Slack Web API methods the bot uses, typed. Every call: bearer token in the header (never in
/// the body or the URL), <c>ok:false</c> turned into a <see cref="SlackApiException"/> carrying
/// Slack's error code. The HTTP client underneath (see <see cref="SlackWebApi"/>) waits out 429s for
/// that method and channel only, and tries 5xx and broken connections again with growing pauses.
/// </summary>
public sealed partial class SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options)
{
    public const string HttpClientName = "OneOnOne.Slack";

    /// <summary>
    /// Methods that come to the same however often they are called (they read, open what exists, or set a
    /// state), so an attempt whose answer was lost is sent again. Anything that posts is not: see <see cref="HttpResilience"/>.
    /// </summary>
    private static readonly FrozenSet<string> Repeatable =
        FrozenSet.Create(StringComparer.Ordinal, "auth.test", "conversations.open", "chat.update", "views.update", "views.publish", "files.getUploadURLExternal");

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
        var root = await CallAsync("users.info", HttpMethod.Get, $"?user={Uri.EscapeDataString(userId)}", content: null, channel: null, ct);
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
        var root = await CallAsync("files.getUploadURLExternal", HttpMethod.Post, string.Empty, new FormUrlEncodedContent(
        [
            new("filename", fileName),
            new("length", length.ToString(CultureInfo.InvariantCulture)),
        ]), channel: null, ct);
        return Uri.TryCreate(root.Str("upload_url"), UriKind.Absolute, out var url) && root.Str("file_id") is { } id
            ? new SlackUploadTicket(url, id)
            : throw new SlackApiException("files.getUploadURLExternal", "invalid_response", transient: true);
    }

    /// <summary>Sends the file's bytes to the one-off upload URL. No token: the URL itself is the permission.</summary>
    public async Task UploadBytesAsync(Uri uploadUrl, byte[] content, string contentType, CancellationToken ct)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        await SendAsync(new Call("file upload", HttpMethod.Post, uploadUrl, body, Token: null, RateKey: "file upload", ExpectJson: false), ct);
    }

    public Task CompleteUploadAsync(string fileId, string? title, string? channelId, CancellationToken ct) =>
        CallJsonAsync("files.completeUploadExternal", new CompleteUploadBody([new UploadedFile(fileId, title)], channelId), channelId, ct);

    /// <summary>A fresh, single-use Socket Mode URL (apps.connections.open, with the app-level token).</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken ct)
    {
        var token = options.Value.AppToken ?? throw new InvalidOperationException("Slack:AppToken is needed for Socket Mode.");
        var root = await SendAsync(new Call("apps.connections.open", HttpMethod.Post, MethodUri("apps.connections.open", string.Empty),
            new FormUrlEncodedContent([]), token, "apps.connections.open", ExpectJson: true), ct);
        return Uri.TryCreate(root.Str("url"), UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException("apps.connections.open", "invalid_response", transient: true);
    }

    /// <summary>Answers an interaction through its response URL. The URL is a secret: it is never logged.</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken ct) =>
        await SendAsync(new Call("response_url", HttpMethod.Post, responseUrl, JsonContent(message),
            Token: null, RateKey: "response_url", ExpectJson: false), ct);

    private Task<JsonElement> CallJsonAsync<TBody>(string method, TBody body, string? channel, CancellationToken ct) =>
        CallAsync(method, HttpMethod.Post, string.Empty, JsonContent(body), channel, ct);

    private Task<JsonElement> CallAsync(string method, HttpMethod verb, string query, HttpContent? content, string? channel, CancellationToken ct) =>
        SendAsync(new Call(method, verb, MethodUri(method, query), content,
            options.Value.BotToken ?? throw new InvalidOperationException("Slack:BotToken is not set."),
            SlackRateLimits.KeyFor(method, channel), ExpectJson: true), ct);

    private async Task<JsonElement> SendAsync(Call call, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(call.Verb, call.Uri) { Content = call.Content };
        request.Options.Set(SlackRateLimits.KeyOption, call.RateKey);
        request.SetRoute(call.Name);
        if (Repeatable.Contains(call.Name))
        {
            request.SetResendWhenUnanswered(true);
        }

        if (call.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.Token);
        }

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException exception)
        {
            throw new SlackApiException(call.Name, "connection_failed", transient: true, exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new SlackApiException(call.Name, "timeout", transient: true, exception);
        }

        using (response)
        {
            // What the client's policy gave up on: too many 429s or too long a wait, or Slack still failing.
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new SlackApiException(call.Name, "ratelimited", transient: true);
            }

            if (response.StatusCode >= HttpStatusCode.InternalServerError)
            {
                throw new SlackApiException(call.Name, $"http_{(int)response.StatusCode}", transient: true);
            }

            return await ReadAsync(call, response, ct);
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

    private Uri MethodUri(string method, string query) => new(options.Value.ApiBaseUri, method + query);

    private static ByteArrayContent JsonContent<T>(T body)
    {
        var content = new ByteArrayContent(SlackJson.SerializeToUtf8(body));
        content.Headers.ContentType = Json;
        return content;
    }

    private sealed record Call(string Name, HttpMethod Verb, Uri Uri, HttpContent? Content, string? Token, string RateKey, bool ExpectJson);

    private sealed record PostMessageBody(string Channel, string Text, IReadOnlyList<LayoutBlock>? Blocks)
    {
        // Links in the bot's words (help texts, invitations) should not grow previews.
        [SuppressMessage("Performance", "CA1822", Justification = "Serialized into the body Slack reads.")]
        public bool UnfurlLinks => false;

        [SuppressMessage("Performance", "CA1822", Justification = "Serialized into the body Slack reads.")]
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
