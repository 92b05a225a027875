using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Http;
using OneOnOne.Discord.Wire;
using Polly.Timeout;

namespace OneOnOne.Discord.Api;

/// <summary>
/// The typed Discord REST client: one method per call the bot makes. Every call goes through
/// <see cref="SendAsync{T}"/>, which tells the HTTP client underneath (see <see cref="DiscordRest"/>:
/// rate limits, 429s waited out, 5xx and broken connections tried again) what the route is and
/// whether it may be sent again, and turns refusals into <see cref="DiscordApiException"/>.
/// </summary>
internal sealed partial class DiscordRestClient(IHttpClientFactory clients, IOptions<DiscordOptions> options)
{
    public const string HttpClientName = "discord";

    /// <summary>Discord blocks clients without a <c>DiscordBot (url, version)</c> user agent.</summary>
    public const string UserAgent = "DiscordBot (https://github.com/oneonone-bot/oneonone, 1.0)";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct) =>
        (await SendAsync(DiscordRoute.GatewayBot(), null, DiscordRead.GatewayBotInfo, ct))!;

    public async Task<DiscordUser> GetCurrentUserAsync(CancellationToken ct) =>
        (await SendAsync(DiscordRoute.CurrentUser(), null, DiscordRead.User, ct))!;

    public async Task<List<ApplicationCommand>> GetCommandsAsync(string applicationId, string? guildId, CancellationToken ct) =>
        await SendAsync(DiscordRoute.Commands(HttpMethod.Get, applicationId, guildId), null, DiscordRead.Commands, ct) ?? [];

    /// <summary>Replaces every command of the application (globally, or in one server) with <paramref name="commands"/>.</summary>
    public async Task<List<ApplicationCommand>> OverwriteCommandsAsync(string applicationId, string? guildId, List<ApplicationCommand> commands, CancellationToken ct) =>
        await SendAsync(DiscordRoute.Commands(HttpMethod.Put, applicationId, guildId),
            JsonBody(commands, DiscordJson.Default.ListApplicationCommand), DiscordRead.Commands, ct) ?? [];

    /// <summary>The servers the bot is in (Discord's first page, up to 200).</summary>
    public async Task<List<PartialGuild>> GetCurrentUserGuildsAsync(CancellationToken ct) =>
        await SendAsync(DiscordRoute.CurrentUserGuilds(), null, DiscordRead.Guilds, ct) ?? [];

    /// <summary>Opens (or finds) the DM channel with a user.</summary>
    public async Task<DiscordChannel> CreateDmAsync(string userId, CancellationToken ct) =>
        (await SendAsync(DiscordRoute.CreateDm(),
            JsonBody(new CreateDmRequest { RecipientId = userId }, DiscordJson.Default.CreateDmRequest), DiscordRead.Channel, ct))!;

    public async Task<DiscordMessage> CreateMessageAsync(string channelId, MessagePayload message, IReadOnlyList<FileUpload>? files, CancellationToken ct) =>
        (await SendAsync(DiscordRoute.CreateMessage(channelId), MessageBody(message, files), DiscordRead.Message, ct))!;

    public async Task<List<DiscordChannel>> GetGuildChannelsAsync(string guildId, CancellationToken ct) =>
        await SendAsync(DiscordRoute.GuildChannels(guildId), null, DiscordRead.Channels, ct) ?? [];

    /// <summary>The initial answer to an interaction received over the Gateway (over HTTP it is the response body instead).</summary>
    public async Task RespondToInteractionAsync(string interactionId, string token, InteractionResponse response, CancellationToken ct)
    {
        try
        {
            await SendAsync(DiscordRoute.InteractionCallback(interactionId, token),
                JsonBody(response, DiscordJson.Default.InteractionResponse), (JsonTypeInfo<DiscordMessage>?)null, ct);
        }
        catch (DiscordApiException exception) when (exception.Code == DiscordApiException.AlreadyAcknowledged)
        {
            // A retry after a 5xx whose first attempt landed after all: the interaction is answered.
        }
    }

    /// <summary>Replaces the interaction's first reply, e.g. a deferral's "thinking…", with the real message.</summary>
    public async Task<DiscordMessage?> EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, IReadOnlyList<FileUpload>? files, CancellationToken ct) =>
        await SendAsync(DiscordRoute.EditOriginal(applicationId, token), MessageBody(message, files), DiscordRead.Message, ct);

    /// <summary>Another message in answer to the same interaction, within its token's 15 minutes.</summary>
    public async Task<DiscordMessage?> CreateFollowupAsync(string applicationId, string token, MessagePayload message, IReadOnlyList<FileUpload>? files, CancellationToken ct) =>
        await SendAsync(DiscordRoute.Followup(applicationId, token), MessageBody(message, files), DiscordRead.Message, ct);

    private async Task<T?> SendAsync<T>(DiscordRoute route, HttpContent? body, JsonTypeInfo<T>? result, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(route.Method, route.Path) { Content = body };
        request.Options.Set(DiscordRateLimitHandler.RouteOption, route);
        request.SetResendWhenUnanswered(route.ResendWhenUnanswered);
        request.SetRoute(route.Template);
        if (route.Timeout is { } timeout)
        {
            request.SetAttemptTimeout(timeout);
        }

        if (route.UsesBotToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException exception)
        {
            throw new DiscordApiException($"Discord could not be reached for {route}.", null, null, transient: true, exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new DiscordApiException($"Discord didn't answer {route} in time.", null, null, transient: true, exception);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The policy gave up: Discord asked for longer than the bot waits, or kept asking.
                var (retryAfter, _) = await RateLimitAnswer.ReadAsync(response, ct);
                throw retryAfter > RateLimiter.LongestWait
                    ? RateLimiter.TooLong(route, retryAfter)
                    : new DiscordApiException($"Discord kept rate limiting {route}.", response.StatusCode, null, transient: true);
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

    private static async Task<DiscordApiException> RefusalAsync(DiscordRoute route, HttpResponseMessage response, CancellationToken ct)
    {
        DiscordError? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(DiscordRead.Error, ct);
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
}
