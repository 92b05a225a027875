using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Discord.Api;

namespace OneOnOne.Discord.Rest;

/// <summary>
/// The typed Discord REST client: one method per call the bot makes. Every call goes through
/// <see cref="SendAsync{T}"/>, which waits for the rate limits, retries 429s after the time Discord
/// names and 5xx or broken connections with backoff, and turns refusals into <see cref="DiscordApiException"/>.
/// </summary>
internal sealed partial class DiscordRestClient
{
    public const string HttpClientName = "discord";

    /// <summary>Discord blocks clients without a <c>DiscordBot (url, version)</c> user agent.</summary>
    public const string UserAgent = "DiscordBot (https://github.com/oneonone-bot/oneonone, 1.0)";

    /// <summary>429s waited out per call before giving up; each wait is as long as Discord asked.</summary>
    private const int MaxRateLimitWaits = 10;

    /// <summary>Only keeps an absurd <c>retry_after</c> from overflowing a TimeSpan; anything this long fails the call.</summary>
    private const double MaxRetryAfterSeconds = 86_400;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly IHttpClientFactory _clients;
    private readonly RateLimiter _limiter;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;

    public DiscordRestClient(IHttpClientFactory clients, RateLimiter limiter, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        _clients = clients;
        _limiter = limiter;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct) =>
        (await SendAsync(DiscordRoute.GatewayBot(), null, DiscordJson.Default.GatewayBotInfo, ct))!;

    public async Task<DiscordUser> GetCurrentUserAsync(CancellationToken ct) =>
        (await SendAsync(DiscordRoute.CurrentUser(), null, DiscordJson.Default.DiscordUser, ct))!;

    public async Task<List<ApplicationCommand>> GetCommandsAsync(string applicationId, string? guildId, CancellationToken ct) =>
        await SendAsync(DiscordRoute.Commands(HttpMethod.Get, applicationId, guildId), null, DiscordJson.Default.ListApplicationCommand, ct) ?? [];

    /// <summary>Replaces every command of the application (globally, or in one server) with <paramref name="commands"/>.</summary>
    public async Task<List<ApplicationCommand>> OverwriteCommandsAsync(string applicationId, string? guildId, List<ApplicationCommand> commands, CancellationToken ct) =>
        await SendAsync(DiscordRoute.Commands(HttpMethod.Put, applicationId, guildId),
            () => JsonBody(commands, DiscordJson.Default.ListApplicationCommand), DiscordJson.Default.ListApplicationCommand, ct) ?? [];

    /// <summary>The servers the bot is in (Discord's first page, up to 200).</summary>
    public async Task<List<PartialGuild>> GetCurrentUserGuildsAsync(CancellationToken ct) =>
        await SendAsync(DiscordRoute.CurrentUserGuilds(), null, DiscordJson.Default.ListPartialGuild, ct) ?? [];

    /// <summary>Opens (or finds) the DM channel with a user.</summary>
    public async Task<DiscordChannel> CreateDmAsync(string userId, CancellationToken ct) =>
        (await SendAsync(DiscordRoute.CreateDm(),
            () => JsonBody(new CreateDmRequest { RecipientId = userId }, DiscordJson.Default.CreateDmRequest), DiscordJson.Default.DiscordChannel, ct))!;

    public async Task<DiscordMessage> CreateMessageAsync(string channelId, MessagePayload message, IReadOnlyList<FileUpload>? files, CancellationToken ct) =>
        (await SendAsync(DiscordRoute.CreateMessage(channelId), () => MessageBody(message, files), DiscordJson.Default.DiscordMessage, ct))!;

    public async Task<List<DiscordChannel>> GetGuildChannelsAsync(string guildId, CancellationToken ct) =>
        await SendAsync(DiscordRoute.GuildChannels(guildId), null, DiscordJson.Default.ListDiscordChannel, ct) ?? [];

    /// <summary>The initial answer to an interaction received over the Gateway (over HTTP it is the response body instead).</summary>
    public async Task RespondToInteractionAsync(string interactionId, string token, InteractionResponse response, CancellationToken ct)
    {
        try
        {
            await SendAsync(DiscordRoute.InteractionCallback(interactionId, token),
                () => JsonBody(response, DiscordJson.Default.InteractionResponse), (JsonTypeInfo<DiscordMessage>?)null, ct);
        }
        catch (DiscordApiException exception) when (exception.Code == DiscordApiException.AlreadyAcknowledged)
        {
            // A retry after a 5xx whose first attempt landed after all: the interaction is answered.
        }
    }

    /// <summary>Replaces the interaction's first reply, e.g. a deferral's "thinking…", with the real message.</summary>
    public async Task<DiscordMessage?> EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, IReadOnlyList<FileUpload>? files, CancellationToken ct) =>
        await SendAsync(DiscordRoute.EditOriginal(applicationId, token), () => MessageBody(message, files), DiscordJson.Default.DiscordMessage, ct);

    /// <summary>Another message in answer to the same interaction, within its token's 15 minutes.</summary>
    public async Task<DiscordMessage?> CreateFollowupAsync(string applicationId, string token, MessagePayload message, IReadOnlyList<FileUpload>? files, CancellationToken ct) =>
        await SendAsync(DiscordRoute.Followup(applicationId, token), () => MessageBody(message, files), DiscordJson.Default.DiscordMessage, ct);

    private async Task<T?> SendAsync<T>(DiscordRoute route, Func<HttpContent>? body, JsonTypeInfo<T>? result, CancellationToken ct)
        where T : class
    {
        var http = _clients.CreateClient(HttpClientName);
        var failures = 0;
        var rateLimits = 0;
        while (true)
        {
            var bucket = await _limiter.WaitAsync(route, ct);

            // A request (and its content) can be sent once, so every attempt builds its own.
            using var request = new HttpRequestMessage(route.Method, route.Path) { Content = body?.Invoke() };
            if (route.UsesBotToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
            }

            HttpResponseMessage response;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (route.Timeout is { } timeout)
            {
                attempt.CancelAfter(timeout);
            }

            try
            {
                response = await http.SendAsync(request, attempt.Token);
            }
            catch (Exception exception)
            {
                // Whatever happened, this call no longer holds the bucket.
                _limiter.Observe(route, bucket, null);
                if (exception is not HttpRequestException && (exception is not TaskCanceledException || ct.IsCancellationRequested))
                {
                    throw;
                }

                if (!route.ResendWhenUnanswered && !NeverSent(exception))
                {
                    throw new DiscordApiException($"Discord didn't answer {route} in time; it may have arrived, so it isn't sent again.", null, null, transient: true, exception);
                }

                if (++failures > _options.MaxRetries)
                {
                    throw new DiscordApiException($"Discord could not be reached for {route}.", null, null, transient: true, exception);
                }

                LogRetry(route.ToString(), "no answer", failures);
                await Task.Delay(Backoff(failures), _time, ct);
                continue;
            }

            using (response)
            {
                _limiter.Observe(route, bucket, response.Headers);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = await ReadRateLimitAsync(response, ct);
                    _limiter.OnRateLimited(bucket, retryAfter, global);
                    if (retryAfter > RateLimiter.LongestWait)
                    {
                        throw RateLimiter.TooLong(route, retryAfter);
                    }

                    if (++rateLimits > MaxRateLimitWaits)
                    {
                        throw new DiscordApiException($"Discord kept rate limiting {route}.", response.StatusCode, null, transient: true);
                    }

                    LogRateLimited(route.ToString(), retryAfter.TotalMilliseconds, global);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && ++failures <= _options.MaxRetries)
                {
                    LogRetry(route.ToString(), ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), failures);
                    await Task.Delay(Backoff(failures), _time, ct);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw await RefusalAsync(route, response, ct);
                }

                if (result is null || response.StatusCode == HttpStatusCode.NoContent)
                {
                    return null;
                }

                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                return await JsonSerializer.DeserializeAsync(stream, result, ct);
            }
        }
    }

    /// <summary>True when the connection failed before the request could go out, so sending it again can't repeat it.</summary>
    private static bool NeverSent(Exception exception) => exception is HttpRequestException
    {
        HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
    };

    /// <summary>Exponential with full jitter, so many retries after one outage don't arrive together.</summary>
    private TimeSpan Backoff(int attempt) =>
        _options.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble() / 2);

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var flags) && flags.Any(f => f.Equals("true", StringComparison.OrdinalIgnoreCase));
        double? seconds = null;
        try
        {
            var error = await response.Content.ReadFromJsonAsync(DiscordJson.Default.DiscordError, ct);
            seconds = error?.RetryAfter;
            global |= error?.Global == true;
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 is HTML; the Retry-After header still holds.
        }

        seconds ??= response.Headers.RetryAfter?.Delta?.TotalSeconds;
        // Not clamped to what the bot will wait: a longer ask fails the call instead (see RateLimiter.LongestWait).
        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, MaxRetryAfterSeconds)), global);
    }

    private static async Task<DiscordApiException> RefusalAsync(DiscordRoute route, HttpResponseMessage response, CancellationToken ct)
    {
        DiscordError? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(DiscordJson.Default.DiscordError, ct);
        }
        catch (JsonException)
        {
        }

        var status = (int)response.StatusCode;
        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " Check Discord:BotToken." : string.Empty;
        return new DiscordApiException(
            $"Discord answered {status} to {route}: {error?.Message ?? response.ReasonPhrase}{(error?.Code is { } code ? $" (code {code})" : string.Empty)}.{hint}",
            response.StatusCode, error?.Code, transient: status >= 500);
    }

    private static ByteArrayContent JsonBody<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = Json;
        return content;
    }

    /// <summary>JSON alone, or multipart with the JSON in <c>payload_json</c> and each file as <c>files[n]</c>.</summary>
    private static HttpContent MessageBody(MessagePayload message, IReadOnlyList<FileUpload>? files)
    {
        if (files is not { Count: > 0 })
        {
            return JsonBody(message, DiscordJson.Default.MessagePayload);
        }

        message.Attachments = files.Select((f, i) => new AttachmentInfo { Id = i, Filename = f.FileName, Description = f.Description }).ToList();
        var multipart = new MultipartFormDataContent { FormPart(JsonBody(message, DiscordJson.Default.MessagePayload), "payload_json") };
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ByteArrayContent(files[i].Content);
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(files[i].ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            multipart.Add(FormPart(part, $"files[{i.ToString(CultureInfo.InvariantCulture)}]", files[i].FileName));
        }

        return multipart;
    }

    /// <summary>
    /// A part named as RFC 7578 writes it: <c>form-data; name="files[0]"; filename="chart.png"</c>. .NET's own
    /// <c>Add(content, name)</c> leaves a name like <c>payload_json</c> unquoted and adds <c>filename*</c>,
    /// which strict parsers refuse.
    /// </summary>
    private static HttpContent FormPart(HttpContent content, string name, string? fileName = null)
    {
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = Quoted(name),
            FileName = fileName is null ? null : Quoted(fileName),
        };
        return content;
    }

    /// <summary>A quoted-string of printable ASCII: our names and file names are, and anything else becomes '_' rather than break the header.</summary>
    private static string Quoted(string value) =>
        "\"" + new string(value.Select(c => c is >= ' ' and <= '~' and not ('"' or '\\') ? c : '_').ToArray()) + "\"";

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limited on {Route}; retrying in {Milliseconds} ms (global: {Global})")]
    private partial void LogRateLimited(string route, double milliseconds, bool global);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} failed ({Reason}); retry {Attempt}")]
    private partial void LogRetry(string route, string reason, int attempt);
}
