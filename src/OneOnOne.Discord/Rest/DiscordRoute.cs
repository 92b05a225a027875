using System.Globalization;

namespace OneOnOne.Discord.Rest;

/// <summary>
/// One REST call's route. <see cref="Template"/> names it in logs and rate-limit bookkeeping (never
/// <see cref="Path"/>: webhook and interaction paths carry tokens); <see cref="MajorParameter"/> is the
/// top-level resource that gives the same route on another channel its own rate-limit budget.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool CountsTowardGlobalLimit, bool UsesBotToken)
{
    public static DiscordRoute GatewayBot() => Bot(HttpMethod.Get, "gateway/bot", "gateway/bot", string.Empty);

    public static DiscordRoute CurrentUser() => Bot(HttpMethod.Get, "users/@me", "users/@me", string.Empty);

    public static DiscordRoute Commands(HttpMethod method, string applicationId, string? guildId) => guildId is null
        ? Bot(method, "applications/{application_id}/commands", $"applications/{applicationId}/commands", string.Empty)
        : Bot(method, "applications/{application_id}/guilds/{guild_id}/commands", $"applications/{applicationId}/guilds/{guildId}/commands", guildId);

    public static DiscordRoute CreateDm() => Bot(HttpMethod.Post, "users/@me/channels", "users/@me/channels", string.Empty);

    public static DiscordRoute CreateMessage(string channelId) =>
        Bot(HttpMethod.Post, "channels/{channel_id}/messages", $"channels/{channelId}/messages", channelId);

    public static DiscordRoute GuildChannels(string guildId) =>
        Bot(HttpMethod.Get, "guilds/{guild_id}/channels", $"guilds/{guildId}/channels", guildId);

    /// <summary>Interaction endpoints: the token in the path is the credential, and the global limit doesn't apply.</summary>
    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{token}/callback",
            $"interactions/{interactionId}/{Uri.EscapeDataString(token)}/callback", interactionId, false, false);

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, "webhooks/{application_id}/{token}/messages/@original",
            $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}/messages/@original", Major(applicationId, token), false, false);

    public static DiscordRoute Followup(string applicationId, string token) =>
        new(HttpMethod.Post, "webhooks/{application_id}/{token}",
            $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}", Major(applicationId, token), false, false);

    private static DiscordRoute Bot(HttpMethod method, string template, string path, string major) =>
        new(method, template, path, major, true, true);

    // Interaction tokens are long; a hash keeps them out of the limiter's keys (and any dump of it).
    private static string Major(string applicationId, string token) =>
        applicationId + ":" + ((uint)StringComparer.Ordinal.GetHashCode(token)).ToString("x8", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Method} /{Template}";
}
