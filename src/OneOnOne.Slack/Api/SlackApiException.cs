namespace OneOnOne.Slack.Api;

/// <summary>
/// A Web API call failed. <see cref="Error"/> is Slack's own error code (<c>channel_not_found</c>,
/// <c>invalid_auth</c>…) or one of ours for transport failures (<c>http_503</c>, <c>connection_failed</c>).
/// </summary>
public sealed class SlackApiException(string method, string error, bool transient, Exception? inner = null)
    : Exception($"Slack's {method} failed: {error}", inner)
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Whether trying again later may work (rate limits, outages), as opposed to a request Slack will always refuse.</summary>
    public bool Transient { get; } = transient;

    /// <summary>Errors that mean the token itself is wrong: no retry helps, the setting must change.</summary>
    public bool IsAuthenticationError => Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked"
        or "token_expired" or "no_permission" or "missing_scope" or "not_allowed_token_type";

    internal static bool IsTransientError(string error) =>
        error is "ratelimited" or "rate_limited" or "internal_error" or "fatal_error" or "service_unavailable"
            or "request_timeout" or "team_added_to_org";
}
