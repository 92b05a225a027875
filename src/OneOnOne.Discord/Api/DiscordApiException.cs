using System.Net;

namespace OneOnOne.Discord.Api;

/// <summary>
/// Discord refused a call, or could not be reached. <see cref="Code"/> is Discord's JSON error code
/// (e.g. 50007 "cannot send messages to this user"); the message names the route template, never a path.
/// </summary>
public sealed class DiscordApiException(string message, HttpStatusCode? status, int? code, bool transient, Exception? inner = null)
    : Exception(message, inner)
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownUser = 10013;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int AlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotMessageUser = 50007;
    public const int MissingPermissions = 50013;

    /// <summary>The HTTP status; null when no answer came (a broken connection or a timeout).</summary>
    public HttpStatusCode? Status { get; } = status;

    public int? Code { get; } = code;

    /// <summary>Whether trying again later may work (rate limits, Discord's own errors, the network).</summary>
    public bool Transient { get; } = transient;

    /// <summary>The interaction token is spent: too late (15 minutes), or the first answer never got through.</summary>
    public bool InteractionExpired => Code is UnknownInteraction or UnknownWebhook || Status == HttpStatusCode.NotFound && Code is null;
}
