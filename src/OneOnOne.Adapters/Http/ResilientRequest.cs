namespace OneOnOne.Adapters.Http;

/// <summary>What a request tells the resilience pipeline about itself, carried in its <see cref="HttpRequestMessage.Options"/>.</summary>
public static class ResilientRequest
{
    private static readonly HttpRequestOptionsKey<bool> ResendWhenUnansweredKey = new("OneOnOne.ResendWhenUnanswered");
    private static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeoutKey = new("OneOnOne.AttemptTimeout");
    private static readonly HttpRequestOptionsKey<string> RouteKey = new("OneOnOne.Route");

    /// <summary>
    /// Whether an attempt that got no answer (a timeout, a connection dropped after the request went out)
    /// may be sent again. By default only for methods that are idempotent by definition: a POST that
    /// reached the platform and whose answer was lost would do its work twice, so its client must say
    /// when the platform de-duplicates it (e.g. a Discord message with an enforced nonce).
    /// </summary>
    public static void SetResendWhenUnanswered(this HttpRequestMessage request, bool resend) =>
        request.Options.Set(ResendWhenUnansweredKey, resend);

    public static bool ResendsWhenUnanswered(this HttpRequestMessage request) =>
        request.Options.TryGetValue(ResendWhenUnansweredKey, out var resend) ? resend : IsIdempotent(request.Method);

    /// <summary>A shorter limit for each attempt of this request, e.g. an answer the platform wants within 3 seconds.</summary>
    public static void SetAttemptTimeout(this HttpRequestMessage request, TimeSpan timeout) =>
        request.Options.Set(AttemptTimeoutKey, timeout);

    public static TimeSpan? AttemptTimeout(this HttpRequestMessage request) =>
        request.Options.TryGetValue(AttemptTimeoutKey, out var timeout) ? timeout : null;

    /// <summary>
    /// How the request is named in logs, e.g. <c>chat.postMessage</c> or <c>webhooks/{application_id}/{interaction_token}</c>:
    /// never its URL, whose path may be a response URL's secret or an interaction token.
    /// </summary>
    public static void SetRoute(this HttpRequestMessage request, string route) =>
        request.Options.Set(RouteKey, route);

    /// <summary>The name <see cref="SetRoute"/> gave; without one, only the host, which is no secret.</summary>
    public static string Route(this HttpRequestMessage request) =>
        request.Options.TryGetValue(RouteKey, out var route) ? route : request.RequestUri?.Host ?? "(no address)";

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete;
}
