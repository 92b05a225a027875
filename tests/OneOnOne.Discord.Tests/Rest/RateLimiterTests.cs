using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Discord.Rest;

namespace OneOnOne.Discord.Tests.Rest;

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
    public async Task A_global_429_pauses_every_call_including_interaction_replies()
    {
        var route = DiscordRoute.CreateMessage("111111111111111111");
        var bucket = await _limiter.WaitAsync(route, CancellationToken.None);
        _limiter.Observe(route, bucket, null);
        _limiter.OnRateLimited(bucket, TimeSpan.FromSeconds(3), global: true);

        var message = _limiter.WaitAsync(DiscordRoute.CreateMessage("333333333333333333"), CancellationToken.None).AsTask();
        var reply = _limiter.WaitAsync(DiscordRoute.EditOriginal("1", "token"), CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(message.IsCompleted);
        Assert.False(reply.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await Task.WhenAll(message, reply).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_route_429_stops_only_that_bucket_for_as_long_as_Discord_asked()
    {
        var route = DiscordRoute.CreateDm();
        var bucket = await _limiter.WaitAsync(route, CancellationToken.None);
        _limiter.Observe(route, bucket, null);
        _limiter.OnRateLimited(bucket, TimeSpan.FromSeconds(1.5), global: false);

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
    public void Routes_never_carry_the_interaction_token_into_logs_or_keys()
    {
        var route = DiscordRoute.EditOriginal("1", "secret-token-value");

        Assert.DoesNotContain("secret", route.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", route.MajorParameter, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", route.Template, StringComparison.Ordinal);
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
