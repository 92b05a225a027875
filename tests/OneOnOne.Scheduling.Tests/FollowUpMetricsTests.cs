using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OneOnOne.Telemetry;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

/// <summary>What a dispatch pass records for operators: follow-ups sent, failed and dropped.</summary>
public sealed class FollowUpMetricsTests : DispatchingBotTests
{
    [Fact]
    public async Task A_follow_up_that_goes_out_counts_as_sent_and_one_the_platform_refuses_as_failed()
    {
        using var followUps = new MetricCollector<long>(Bot.Get<IMeterFactory>(), BotMetrics.MeterName, "oneonone.followups");
        var ana = Bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("plan Maria");
        await ana.Send("come to the housing meeting");
        for (var i = 0; i < 8; i++)
        {
            await ana.Send("skip");
        }

        await ana.Command("schedule Maria tomorrow 6pm for 45");
        Platform.FailNext(1);
        await Bot.AdvanceToAsync(2026, 11, 27, 17, 0);
        Assert.Empty(Platform.Sent);
        Assert.Equal(1, Count(followUps, "failed"));

        Bot.Time.Advance(TimeSpan.FromMinutes(5));
        await Bot.DispatchAsync();

        Assert.Single(Platform.Sent);
        Assert.Equal(1, Count(followUps, "sent"));
        Assert.Equal(0, Count(followUps, "dropped"));
    }

    private static long Count(MetricCollector<long> collector, string outcome) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["outcome"], outcome)).Sum(m => m.Value);
}
