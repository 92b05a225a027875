namespace OneOnOne.Adapters.Http;

/// <summary>Reads the wait a 429 names in its <c>Retry-After</c> header.</summary>
public static class RetryAfterHeader
{
    /// <summary>Slack and Discord both name one when they rate-limit; a 429 that names none is tried again after a second.</summary>
    public static readonly TimeSpan WhenUnnamed = TimeSpan.FromSeconds(1);

    /// <summary>The wait in seconds or until a date (never negative), or <see cref="WhenUnnamed"/>.</summary>
    public static TimeSpan Read(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : WhenUnnamed);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
