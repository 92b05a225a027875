namespace OneOnOne.Adapters.Http;

/// <summary>How hard a platform client tries before it reports a call as failed (see <see cref="HttpResilience"/>).</summary>
public sealed class HttpResilienceOptions
{
    /// <summary>Tries after the first for a call that failed (5xx, a broken connection, a timed-out attempt).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first pause after a failure; it doubles each time, with jitter. Zero retries at once (tests).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause between failures, however many came before.</summary>
    public TimeSpan LongestRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// 429s waited out per call, counted apart from failures: under load they are expected, and each
    /// wait is as long as the platform asked, so they get more tries.
    /// </summary>
    public int MaxRateLimitedRetries { get; init; } = 10;

    /// <summary>
    /// The longest 429 wait the bot accepts. A platform asking for longer gets the 429 back at once: a lane
    /// held for an hour helps nobody, and sending early only earns more 429s.
    /// </summary>
    public TimeSpan LongestRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take; a request can shorten it for itself (<see cref="ResilientRequest.SetAttemptTimeout"/>).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A whole call, every attempt and wait included: longer than one longest 429 wait and a few tries.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a 429 asks the bot to wait. The default reads the <c>Retry-After</c> header; a platform that
    /// says it more precisely elsewhere (Discord's body) reads its own.
    /// </summary>
    public RetryAfterReader? RetryAfter { get; init; }
}

/// <summary>How long the 429 <paramref name="response"/> asks the caller to wait before trying again.</summary>
public delegate ValueTask<TimeSpan> RetryAfterReader(HttpResponseMessage response, CancellationToken ct);
