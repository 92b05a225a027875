using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Discord.Api;

namespace OneOnOne.Discord.Tests.Api;

/// <summary>The limiter on a fake clock: a wait is a task that completes only when the clock is moved on.</summary>
public sealed class RateLimiterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RateLimiter _limiter;

    public RateLimiterTests() => _limiter = new RateLimiter(_time, NullLogger<RateLimiter>.Instance);

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_and_other_channels_do_not()
    {
        var channelA = DiscordRoute.CreateMessage("111111111111111111");
        var channelB = DiscordRoute.CreateMessage("222222222222222222");
        var bucket = await _limiter.WaitAsync(channelA, CancellationToken.None);
        _limiter.Observe(channelA, bucket, Headers(limit: 5, remaining: 0, resetAfter: 2.5, hash: "abc"));

        var blocked = _limiter.WaitAsync(channelA, CancellationToken.None).AsTask();
        var other = _limiter.WaitAsync(channelB, CancellationToken.None).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(blocked.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(blocked.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.6));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Until_Discord_reports_a_bucket_only_one_call_goes_at_a_time()
    {
        var route = DiscordRoute.CreateMessage("111111111111111111");
        var first = await _limiter.WaitAsync(route, CancellationToken.None);

        var second = _limiter.WaitAsync(route, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.False(second.IsCompleted);

        _limiter.Observe(route, first, Headers(limit: 5, remaining: 4, resetAfter: 1, hash: "abc"));
        _time.Advance(TimeSpan.FromMilliseconds(50));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_probe_that_finds_the_budget_spent_lets_no_waiting_call_through_before_the_reset()
    {
        var route = DiscordRoute.CreateMessage("111111111111111111");
        var probe = await _limiter.WaitAsync(route, CancellationToken.None);
        var waiting = _limiter.WaitAsync(route, CancellationToken.None).AsTask();

        _limiter.Observe(route, probe, Headers(limit: 2, remaining: 0, resetAfter: 1, hash: "abc"));
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.False(waiting.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_global_429_pauses_bot_calls_but_not_interaction_replies()
    {
        var route = DiscordRoute.CreateMessage("111111111111111111");
        await RateLimitedAsync(route, TimeSpan.FromSeconds(3), global: true);

        var message = _limiter.WaitAsync(DiscordRoute.CreateMessage("333333333333333333"), CancellationToken.None).AsTask();
        var ack = _limiter.WaitAsync(DiscordRoute.InteractionCallback("2", "token"), CancellationToken.None).AsTask();
        var edit = _limiter.WaitAsync(DiscordRoute.EditOriginal("1", "token"), CancellationToken.None).AsTask();
        var followUp = _limiter.WaitAsync(DiscordRoute.Followup("1", "token"), CancellationToken.None).AsTask();

        Assert.True(ack.IsCompletedSuccessfully);
        Assert.True(edit.IsCompletedSuccessfully);
        Assert.True(followUp.IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(message.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await message.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_route_429_stops_only_that_bucket_for_as_long_as_Discord_asked()
    {
        var route = DiscordRoute.CreateDm();
        await RateLimitedAsync(route, TimeSpan.FromSeconds(1.5), global: false);

        var again = _limiter.WaitAsync(route, CancellationToken.None).AsTask();
        var elsewhere = _limiter.WaitAsync(DiscordRoute.GatewayBot(), CancellationToken.None).AsTask();

        Assert.True(elsewhere.IsCompletedSuccessfully);
        Assert.False(again.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1.6));
        await again.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task At_most_fifty_bot_calls_a_second_while_interaction_replies_are_exempt()
    {
        for (var i = 0; i < RateLimiter.GlobalPerSecond; i++)
        {
            var route = DiscordRoute.CreateMessage((100000000000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(_limiter.WaitAsync(route, CancellationToken.None).IsCompletedSuccessfully);
        }

        var fiftyFirst = _limiter.WaitAsync(DiscordRoute.CreateMessage("999999999999999999"), CancellationToken.None).AsTask();
        var reply = _limiter.WaitAsync(DiscordRoute.Followup("1", "token"), CancellationToken.None).AsTask();

        Assert.True(reply.IsCompletedSuccessfully);
        Assert.False(fiftyFirst.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_fifty_a_second_cap_slides_so_calls_cannot_bunch_up_across_a_second_boundary()
    {
        var next = 100000000000000000L;
        ValueTask<RateLimiter.Bucket> Call() => _limiter.WaitAsync(DiscordRoute.CreateMessage((next++).ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        for (var i = 0; i < RateLimiter.GlobalPerSecond / 2; i++)
        {
            Assert.True(Call().IsCompletedSuccessfully);
        }

        _time.Advance(TimeSpan.FromSeconds(0.9));
        for (var i = 0; i < RateLimiter.GlobalPerSecond / 2; i++)
        {
            Assert.True(Call().IsCompletedSuccessfully);
        }

        // 1.1 s in: the first 25 have left the last second, the second 25 haven't.
        _time.Advance(TimeSpan.FromSeconds(0.2));
        for (var i = 0; i < RateLimiter.GlobalPerSecond / 2; i++)
        {
            Assert.True(Call().IsCompletedSuccessfully);
        }

        var over = Call().AsTask();
        _time.Advance(TimeSpan.FromSeconds(0.7));
        Assert.False(over.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await over.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_bucket_Discord_holds_longer_than_the_bot_waits_fails_at_once()
    {
        var route = DiscordRoute.CreateDm();
        await RateLimitedAsync(route, TimeSpan.FromHours(1), global: false);

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => _limiter.WaitAsync(route, CancellationToken.None).AsTask());

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, failure.Status);
        Assert.True(failure.Transient);
    }

    [Fact]
    public async Task Buckets_of_finished_interactions_are_forgotten_but_a_paused_bucket_is_kept()
    {
        var paused = DiscordRoute.CreateDm();
        await RateLimitedAsync(paused, TimeSpan.FromMinutes(4), global: false);

        // An interaction a second for 1,000 seconds, each with its callback, its edit and a follow-up.
        for (var i = 0; i < 1000; i++)
        {
            var token = $"token-{i}";
            foreach (var route in new[] { DiscordRoute.InteractionCallback($"{i}", token), DiscordRoute.EditOriginal("1", token), DiscordRoute.Followup("1", token) })
            {
                var bucket = await _limiter.WaitAsync(route, CancellationToken.None);
                _limiter.Observe(route, bucket, Headers(limit: 5, remaining: 4, resetAfter: 1, hash: "webhook"));
            }

            _time.Advance(TimeSpan.FromSeconds(1));
            if (i == 120)
            {
                Assert.False(_limiter.WaitAsync(paused, CancellationToken.None).IsCompleted);
            }
        }

        // About two minutes' worth of interactions at most: what a minute's sweep hasn't reached yet.
        Assert.InRange(_limiter.BucketCount, 1, 3 * 2 * 60 + 10);
    }

    [Fact]
    public void Routes_never_carry_the_interaction_token_into_logs_or_keys()
    {
        var route = DiscordRoute.EditOriginal("1", "secret-token-value");

        Assert.DoesNotContain("secret", route.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", route.MajorParameter, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", route.Template, StringComparison.Ordinal);
    }

    /// <summary>One call on <paramref name="route"/>, which Discord answers with a 429 asking to wait <paramref name="retryAfter"/>.</summary>
    private async Task RateLimitedAsync(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        var bucket = await _limiter.WaitAsync(route, CancellationToken.None);
        _limiter.Observe(route, bucket, null);
        _limiter.OnRateLimited(bucket, retryAfter, global);
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(int limit, int remaining, double resetAfter, string hash)
    {
        var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Bucket", hash);
        return response.Headers;
    }
}
