using System.Globalization;

namespace OneOnOne.Discord.Api;

/// <summary>
/// One REST call's route. <see cref="Template"/> names it in logs and rate-limit bookkeeping (never
/// <see cref="Path"/>: webhook and interaction paths carry tokens); <see cref="MajorParameter"/> is the
/// top-level resource that gives the same route on another channel its own rate-limit budget.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool CountsTowardGlobalLimit, bool UsesBotToken)
{
    /// <summary>How long one attempt may take; null leaves it to the HTTP client's timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Whether an attempt that got no answer may be sent again. Not for calls that would do their work
    /// twice if the first had arrived after all, or that have no time left for a second try.
    /// </summary>
    public bool ResendWhenUnanswered { get; init; } = true;

    public static DiscordRoute GatewayBot() => Bot(HttpMethod.Get, "gateway/bot", "gateway/bot", string.Empty);

    public static DiscordRoute CurrentUser() => Bot(HttpMethod.Get, "users/@me", "users/@me", string.Empty);

    public static DiscordRoute Commands(HttpMethod method, string applicationId, string? guildId) => guildId is null
        ? Bot(method, "applications/{application_id}/commands", $"applications/{applicationId}/commands", string.Empty)
        : Bot(method, "applications/{application_id}/guilds/{guild_id}/commands", $"applications/{applicationId}/guilds/{guildId}/commands", guildId);

    /// <summary>The servers the bot is in (first page: up to 200).</summary>
    public static DiscordRoute CurrentUserGuilds() => Bot(HttpMethod.Get, "users/@me/guilds", "users/@me/guilds", string.Empty);

    public static DiscordRoute CreateDm() => Bot(HttpMethod.Post, "users/@me/channels", "users/@me/channels", string.Empty);

    public static DiscordRoute CreateMessage(string channelId) =>
        Bot(HttpMethod.Post, "channels/{channel_id}/messages", $"channels/{channelId}/messages", channelId);

    public static DiscordRoute GuildChannels(string guildId) =>
        Bot(HttpMethod.Get, "guilds/{guild_id}/channels", $"guilds/{guildId}/channels", guildId);

    /// <summary>Interaction endpoints: the token in the path is the credential, and the global limit doesn't apply.</summary>
    /// <remarks>
    /// The callback must land within Discord's 3 seconds of the interaction: an attempt gets 2.5 of
    /// them, and one that times out is not sent again, since by then it would arrive too late anyway.
    /// </remarks>
    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{token}/callback",
            $"interactions/{interactionId}/{Uri.EscapeDataString(token)}/callback", interactionId, false, false)
        {
            Timeout = TimeSpan.FromSeconds(2.5),
            ResendWhenUnanswered = false,
        };

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, "webhooks/{application_id}/{token}/messages/@original",
            $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}/messages/@original", Major(applicationId, token), false, false);

    /// <summary>A follow-up message; it carries no nonce, so one whose answer was lost is not sent again (it could show twice).</summary>
    public static DiscordRoute Followup(string applicationId, string token) =>
        new(HttpMethod.Post, "webhooks/{application_id}/{token}",
            $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}", Major(applicationId, token), false, false)
        {
            ResendWhenUnanswered = false,
        };

    private static DiscordRoute Bot(HttpMethod method, string template, string path, string major) =>
        new(method, template, path, major, true, true);

    // Interaction tokens are long; a hash keeps them out of the limiter's keys (and any dump of it).
    private static string Major(string applicationId, string token) =>
        applicationId + ":" + ((uint)StringComparer.Ordinal.GetHashCode(token)).ToString("x8", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Method} /{Template}";
}
