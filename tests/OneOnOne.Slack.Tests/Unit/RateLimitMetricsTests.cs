using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Telemetry;

namespace OneOnOne.Slack.Tests.Unit;

/// <summary>Every 429 Slack answers is counted for operators, also the ones the client waits out and succeeds after.</summary>
public sealed class RateLimitMetricsTests
{
    [Fact]
    public async Task A_429_that_the_client_waits_out_is_counted_once_for_slack()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(new SlackOptions { BotToken = FakeSlack.BotToken, ApiBaseUrl = slack.ApiBaseUrl }))
            .AddSlackWebApi()
            .BuildServiceProvider();
        using var rateLimited = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), BotMetrics.MeterName, "oneonone.platform.rate_limited");
        slack.Fail("chat.postMessage", "C0BUSY", Fault.RateLimited(0));

        await services.GetRequiredService<SlackApiClient>().PostMessageAsync("C0BUSY", "hello", null, CancellationToken.None);

        var measurement = Assert.Single(rateLimited.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("slack", measurement.Tags["platform"]);
    }
}
