using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Http;
using OneOnOne.Testing;
using Polly.Timeout;

namespace OneOnOne.Adapters.Tests.Http;

/// <summary>
/// The shared policy between a client and a scripted platform, on a fake clock: every wait (backoff,
/// Retry-After, timeouts) completes only when the test moves the clock.
/// </summary>
public sealed class HttpResilienceTests : IAsyncDisposable
{
    private static readonly Uri Endpoint = new("https://platform.test/api/call");
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>Far beyond any number of steps the clock could be moved while an attempt is under way, however busy the machine.</summary>
    private static readonly TimeSpan AttemptsNeverTimeOut = TimeSpan.FromDays(1);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly PlatformStub _platform;
    private readonly LogCapture _logs = new();
    private ServiceProvider? _services;

    public HttpResilienceTests() => _platform = new PlatformStub(_time);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_server_error_is_tried_again_after_a_backoff_on_the_registered_clock()
    {
        // An hour's backoff: were it taken on the wall clock, the call would never finish within the test.
        var client = Client(new HttpResilienceOptions
        {
            FirstRetryDelay = TimeSpan.FromHours(1),
            LongestRetryDelay = TimeSpan.FromHours(2),
            AttemptTimeout = AttemptsNeverTimeOut,
            TotalTimeout = AttemptsNeverTimeOut,
        });
        _platform.Answer(PlatformStub.Status(HttpStatusCode.ServiceUnavailable));

        using var response = await MoveClockUntil(client.GetAsync(Endpoint), TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _platform.Attempts.Count);
        Assert.True(_platform.Attempts[1] > _platform.Attempts[0]);
    }

    [Fact]
    public async Task A_429_is_tried_again_only_once_the_wait_it_names_is_over()
    {
        var client = Client(new HttpResilienceOptions { AttemptTimeout = AttemptsNeverTimeOut, TotalTimeout = AttemptsNeverTimeOut });
        _platform.Answer(PlatformStub.RateLimited(TimeSpan.FromSeconds(240)));

        using var response = await MoveClockUntil(client.PostAsync(Endpoint, Body()), Step);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _platform.Attempts.Count);
        Assert.True(_platform.Attempts[1] - _platform.Attempts[0] >= TimeSpan.FromSeconds(240));
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_bot_waits_comes_back_at_once()
    {
        var client = Client(new HttpResilienceOptions { LongestRetryAfter = TimeSpan.FromMinutes(5) });
        _platform.Answer(PlatformStub.RateLimited(TimeSpan.FromMinutes(6)));

        using var response = await client.PostAsync(Endpoint, Body());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_platform.Attempts);
    }

    [Fact]
    public async Task Each_retry_is_one_line_naming_the_route_never_the_address_and_Pollys_own_lines_stay_quiet()
    {
        var client = Client(new HttpResilienceOptions { FirstRetryDelay = TimeSpan.Zero });
        _platform.Answer(PlatformStub.Status(HttpStatusCode.ServiceUnavailable), PlatformStub.RateLimited(TimeSpan.Zero));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://platform.test/hooks/T1/B2/s3cret?token=t0ken") { Content = Body() };
        request.SetRoute("response_url");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = _logs.Lines;
        Assert.Equal(
            [
                (LogLevel.Warning, "POST response_url failed (HTTP 503); retry 1 in 00:00:00"),
                (LogLevel.Information, "POST response_url was rate-limited; retry 1 in 00:00:00, as the platform asked"),
            ],
            lines.Where(line => line.Category == typeof(HttpResilience).FullName).Select(line => (line.Level, line.Message)));
        Assert.DoesNotContain(lines, line => line.Category.StartsWith(HttpResilience.PollyCategory, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Message.Contains("s3cret", StringComparison.Ordinal) || line.Message.Contains("t0ken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_without_a_route_is_logged_by_its_host_alone()
    {
        var client = Client(new HttpResilienceOptions { FirstRetryDelay = TimeSpan.Zero });
        _platform.Answer(PlatformStub.Status(HttpStatusCode.BadGateway));

        using var response = await client.PostAsync(new Uri("https://platform.test/webhooks/1/s3cret"), Body());

        Assert.Equal("POST platform.test failed (HTTP 502); retry 1 in 00:00:00", Assert.Single(_logs.Lines, line => line.Category == typeof(HttpResilience).FullName).Message);
    }

    [Fact]
    public async Task Failures_are_tried_a_bounded_number_of_times_and_the_last_answer_comes_back()
    {
        var client = Client(new HttpResilienceOptions { MaxRetries = 2, FirstRetryDelay = TimeSpan.Zero });
        _platform.Answer([.. Enumerable.Repeat(PlatformStub.Status(HttpStatusCode.BadGateway), 5)]);

        using var response = await client.PostAsync(Endpoint, Body());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, _platform.Attempts.Count);
    }

    [Fact]
    public async Task Rate_limits_have_their_own_budget_apart_from_failures()
    {
        var client = Client(new HttpResilienceOptions { MaxRetries = 1, MaxRateLimitedRetries = 3, FirstRetryDelay = TimeSpan.Zero });
        _platform.Answer([.. Enumerable.Repeat(PlatformStub.RateLimited(TimeSpan.Zero), 3)]);

        using var response = await client.PostAsync(Endpoint, Body());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, _platform.Attempts.Count);
    }

    [Fact]
    public async Task A_post_whose_answer_never_came_is_not_sent_again()
    {
        var client = Client(new HttpResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(10), FirstRetryDelay = TimeSpan.Zero });
        _platform.Answer(PlatformStub.Silence());

        var call = client.PostAsync(Endpoint, Body());
        await _platform.AttemptAsync(1);
        _time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Single(_platform.Attempts);
    }

    [Fact]
    public async Task A_read_or_a_post_its_client_marks_repeatable_is_sent_again_when_no_answer_came()
    {
        var client = Client(new HttpResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(10), FirstRetryDelay = TimeSpan.Zero });
        _platform.Answer(PlatformStub.Silence());
        var read = client.GetAsync(Endpoint);
        await _platform.AttemptAsync(1);
        _time.Advance(TimeSpan.FromSeconds(10));
        using var readAnswer = await read.WaitAsync(TimeSpan.FromSeconds(15));

        _platform.Answer(PlatformStub.Broken(HttpRequestError.ResponseEnded));
        using var post = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = Body() };
        post.SetResendWhenUnanswered(true);
        using var postAnswer = await client.SendAsync(post);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (readAnswer.StatusCode, postAnswer.StatusCode));
        Assert.Equal(4, _platform.Attempts.Count);
    }

    [Fact]
    public async Task A_post_is_sent_again_if_it_never_left_but_not_if_the_connection_broke_after_it_went_out()
    {
        var client = Client(new HttpResilienceOptions { FirstRetryDelay = TimeSpan.Zero });
        _platform.Answer(PlatformStub.Broken(HttpRequestError.ConnectionError));
        using var delivered = await client.PostAsync(Endpoint, Body());

        _platform.Answer(PlatformStub.Broken(HttpRequestError.ResponseEnded));
        var lost = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(Endpoint, Body()));

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpRequestError.ResponseEnded, lost.HttpRequestError);
        Assert.Equal(3, _platform.Attempts.Count);
    }

    [Fact]
    public async Task A_request_can_shorten_the_time_each_of_its_attempts_gets()
    {
        var client = Client(new HttpResilienceOptions { AttemptTimeout = TimeSpan.FromMinutes(1) });
        _platform.Answer(PlatformStub.Silence());
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = Body() };
        request.SetAttemptTimeout(TimeSpan.FromSeconds(2.5));

        var call = client.SendAsync(request);
        await _platform.AttemptAsync(1);
        _time.Advance(TimeSpan.FromSeconds(2.5));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task The_whole_call_gives_up_at_the_total_timeout()
    {
        var client = Client(new HttpResilienceOptions { AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromMinutes(2) });
        _platform.Answer(PlatformStub.Silence());

        var call = client.GetAsync(Endpoint);
        await _platform.AttemptAsync(1);
        _time.Advance(TimeSpan.FromMinutes(2));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Single(_platform.Attempts);
    }

    [Fact]
    public async Task The_platforms_pacing_runs_before_every_attempt_and_its_wait_is_not_counted_against_the_attempt()
    {
        var pacing = new Pacing(_time, TimeSpan.FromMinutes(1));
        var client = Client(new HttpResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(10), FirstRetryDelay = TimeSpan.Zero }, pacing);
        _platform.Answer(PlatformStub.Status(HttpStatusCode.InternalServerError));

        var call = client.PostAsync(Endpoint, Body());
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // Exactly the hold, once the pacing holds: a minute that would have timed out an attempt counting it.
            await pacing.Holding.WaitAsync(TimeSpan.FromSeconds(30));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        using var response = await call.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, pacing.Waits);
        Assert.Equal(2, _platform.Attempts.Count);
    }

    /// <summary>
    /// Moves the clock a step at a time until <paramref name="call"/> is done: the waits it registers are not known in
    /// advance. The steps run beside the call, so a test using this gives attempts <see cref="AttemptsNeverTimeOut"/>.
    /// </summary>
    private async Task<T> MoveClockUntil<T>(Task<T> call, TimeSpan step)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!call.IsCompleted && DateTime.UtcNow < giveUp)
        {
            _time.Advance(step);
            await Task.Yield();
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(1));
    }

    private HttpClient Client(HttpResilienceOptions options, DelegatingHandler? pacing = null)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_logs)).AddSingleton<TimeProvider>(_time);
        services.AddHttpClient("platform")
            .ConfigurePrimaryHttpMessageHandler(() => _platform)
            .AddPlatformResilience(_ => options, pacing is null ? null : _ => pacing);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IHttpClientFactory>().CreateClient("platform");
    }

    private static StringContent Body() => new("""{"text":"hello"}""");

    /// <summary>A platform's rate-limit handler that holds every attempt for a while on the clock.</summary>
    private sealed class Pacing(TimeProvider time, TimeSpan holdFor) : DelegatingHandler
    {
        public int Waits { get; private set; }

        /// <summary>Released each time an attempt is held, once its wait is on the clock.</summary>
        public SemaphoreSlim Holding { get; } = new(0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Waits++;
            var hold = Task.Delay(holdFor, time, cancellationToken);
            Holding.Release();
            await hold;
            return await base.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Holding.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
