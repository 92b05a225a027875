using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OneOnOne.Adapters.Http;

/// <summary>
/// The one retry policy of every platform client, built on Microsoft.Extensions.Http.Resilience (Polly).
/// From the outside in, a call goes through: a total timeout; 429s waited out for as long as the
/// platform names; failures tried again with exponential backoff and jitter; the platform's own pacing
/// (rate-limit buckets), which waits outside any one attempt's time; and a timeout per attempt. Every
/// wait runs on the <see cref="TimeProvider"/> registered in DI, so tests move time instead of waiting.
/// </summary>
/// <remarks>
/// What is tried again, and why:
/// <list type="bullet">
/// <item>a 429: the platform refused the request without acting on it;</item>
/// <item>a connection that failed before the request went out: nothing reached the platform;</item>
/// <item>a 5xx, for every request, a non-idempotent post such as chat.postMessage included: the platform
/// answered, and said it failed. It may have posted all the same, but that is rare (most 5xx come from
/// the edge, before the work), a second copy of a message is a nuisance while a lost answer leaves an
/// organizer with none, and neither Slack nor Discord's follow-ups offer a key to post exactly once;</item>
/// <item>no answer at all (a timed-out attempt, a connection dropped after sending) only for requests
/// that may be repeated (<see cref="ResilientRequest.ResendsWhenUnanswered"/>): the platform most
/// likely got the request and is slow, so a blind resend would usually do the work twice.</item>
/// </list>
/// Each retry is logged as one line naming the call by its route (<see cref="ResilientRequest.SetRoute"/>), never
/// its URL: 429s at Information (expected under load), failures at Warning. HttpClient's request logs, which print
/// URLs, are removed from every platform client. Polly's own log lines are off unless
/// the settings name the <c>Polly</c> category: at Warning they repeat each retry twice with a stack trace and no
/// route, which buries what matters, and an exception's message may quote what the platform sent back.
/// </remarks>
public static partial class HttpResilience
{
    /// <summary>The category Polly's telemetry logs under.</summary>
    public const string PollyCategory = "Polly";

    private static readonly ResiliencePropertyKey<TimeSpan> RetryAfterKey = new("OneOnOne.RetryAfter");

    /// <summary>
    /// Adds the policy to a client; <paramref name="pacing"/>, if any, is the platform's own rate-limit
    /// handler, run for every attempt between the retries and the attempt's timeout.
    /// </summary>
    public static IHttpClientBuilder AddPlatformResilience(
        this IHttpClientBuilder builder, Func<IServiceProvider, HttpResilienceOptions> options, Func<IServiceProvider, DelegatingHandler>? pacing = null)
    {
        // The total timeout bounds a call; HttpClient's own would also count the retries' waits and cut them short.
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        // HttpClient's own request logs name every URL, and a response URL's or webhook's path is its secret.
        builder.RemoveAllLoggers();
        builder.Services.Configure<LoggerFilterOptions>(filters =>
        {
            if (!filters.Rules.Any(rule => rule.CategoryName == PollyCategory))
            {
                filters.AddFilter(PollyCategory, LogLevel.None);
            }
        });
        builder.AddResilienceHandler("retries", (pipeline, context) =>
        {
            var settings = options(context.ServiceProvider);
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpResilience).FullName!);
            pipeline.AddTimeout(settings.TotalTimeout);
            if (settings.MaxRateLimitedRetries > 0)
            {
                pipeline.AddRetry(RateLimitRetry(settings, settings.RetryAfter ?? ((response, _) => ValueTask.FromResult(RetryAfterHeader.Read(response, time))), logger));
            }

            if (settings.MaxRetries > 0)
            {
                pipeline.AddRetry(FailureRetry(settings, logger));
            }
        });

        if (pacing is not null)
        {
            builder.AddHttpMessageHandler(pacing);
        }

        builder.AddResilienceHandler("attempt", (pipeline, context) =>
        {
            var settings = options(context.ServiceProvider);
            pipeline.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.GetRequestMessage()?.AttemptTimeout() ?? settings.AttemptTimeout),
            });
        });
        return builder;
    }

    /// <summary>Whether a failed attempt may be tried again (see the remarks on <see cref="HttpResilience"/>).</summary>
    private static bool MayRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request) => outcome switch
    {
        { Result: { } response } => response.StatusCode >= HttpStatusCode.InternalServerError,
        { Exception: HttpRequestException failure } when NeverSent(failure) => true,
        { Exception: HttpRequestException or TimeoutRejectedException } => request?.ResendsWhenUnanswered() == true,
        _ => false,
    };

    /// <summary>True when the connection failed before the request could go out, so sending it again can't repeat it.</summary>
    private static bool NeverSent(HttpRequestException failure) =>
        failure.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    /// <summary>What a failed attempt got, for the log: a status or the kind of failure, never an exception's message (it may quote the platform).</summary>
    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
        { Exception: HttpRequestException failure } => failure.HttpRequestError.ToString(),
        { Exception: TimeoutRejectedException } => "no answer in time",
        { Exception: { } exception } => exception.GetType().Name,
        _ => "nothing",
    };

    private static RetryStrategyOptions<HttpResponseMessage> RateLimitRetry(HttpResilienceOptions settings, RetryAfterReader readRetryAfter, ILogger logger) => new()
    {
        Name = "RateLimits",
        MaxRetryAttempts = settings.MaxRateLimitedRetries,
        ShouldHandle = async args =>
        {
            if (args.Outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response)
            {
                return false;
            }

            var wait = await readRetryAfter(response, args.Context.CancellationToken);
            args.Context.Properties.Set(RetryAfterKey, wait);
            return wait <= settings.LongestRetryAfter;
        },
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(RetryAfterKey, TimeSpan.Zero)),
        OnRetry = args =>
        {
            if (logger.IsEnabled(LogLevel.Information) && args.Context.GetRequestMessage() is { } request)
            {
                var route = request.Route();
                LogRateLimited(logger, request.Method.Method, route, args.RetryDelay, args.AttemptNumber + 1);
            }

            return ValueTask.CompletedTask;
        },
    };

    private static RetryStrategyOptions<HttpResponseMessage> FailureRetry(HttpResilienceOptions settings, ILogger logger) => new()
    {
        Name = "Failures",
        MaxRetryAttempts = settings.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        // Many calls failing in one outage must not all come back at the same instant.
        UseJitter = true,
        Delay = settings.FirstRetryDelay,
        MaxDelay = settings.LongestRetryDelay,
        ShouldHandle = args => ValueTask.FromResult(MayRetry(args.Outcome, args.Context.GetRequestMessage())),
        OnRetry = args =>
        {
            if (logger.IsEnabled(LogLevel.Warning) && args.Context.GetRequestMessage() is { } request)
            {
                var (route, outcome) = (request.Route(), Describe(args.Outcome));
                LogRetrying(logger, request.Method.Method, route, outcome, args.RetryDelay, args.AttemptNumber + 1);
            }

            return ValueTask.CompletedTask;
        },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} was rate-limited; retry {Retry} in {Delay}, as the platform asked")]
    private static partial void LogRateLimited(ILogger logger, string method, string route, TimeSpan delay, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Route} failed ({Outcome}); retry {Retry} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string method, string route, string outcome, TimeSpan delay, int retry);
}
