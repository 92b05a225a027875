using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Storage;
using OneOnOne.Scheduling;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>
/// Issue 11 item 8 against the fake Slack: a few seconds of 503s on chat.postMessage at digest time delay the
/// week's digest by minutes; they no longer skip it.
/// </summary>
public sealed class DigestOutageTests
{
    [Fact]
    public async Task A_burst_of_503s_at_digest_time_is_retried_and_the_weeks_digest_is_posted_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        // The dispatch job would otherwise race this test's own passes every 30 s.
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode, new Dictionary<string, string?> { ["Scheduling:Interval"] = "01:00:00" });
        await bot.Person("UANA").Command("digest channel <#C0ORG|organizing>", "The weekly digest will go to #organizing,");
        var before = slack.Posts.Count;

        // The digest was due a minute ago, on the team's real schedule.
        var now = DateTimeOffset.UtcNow;
        var digestTime = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-1);
        await WithStoreAsync(bot, store => store.Teams.ExecuteUpdateAsync(t => t
            .SetProperty(x => x.DigestDay, digestTime.DayOfWeek)
            .SetProperty(x => x.DigestTime, TimeOnly.FromTimeSpan(digestTime.TimeOfDay))
            .SetProperty(x => x.DigestTimeZone, "UTC")
            .SetProperty(x => x.NextDigestAt, digestTime)));

        // Slack's outage: every attempt the client makes on this pass answers 503.
        slack.Fail("chat.postMessage", "C0ORG", Enumerable.Repeat(Fault.ServerError(), 5).ToArray());
        Assert.Equal(0, await DispatchAsync(bot));

        Assert.DoesNotContain(slack.Posts.Skip(before), p => p.Channel is "C0ORG" or "DUANA");
        var retryAt = await NextDigestAtAsync(bot);
        Assert.InRange(retryAt!.Value, digestTime.AddMinutes(1), digestTime.AddHours(1));

        // Slack is back; the retry falls due (moved a little earlier than planned, to keep the test short).
        await WithStoreAsync(bot, store => store.Teams.ExecuteUpdateAsync(t => t.SetProperty(x => x.NextDigestAt, digestTime.AddSeconds(30))));
        Assert.Equal(1, await DispatchAsync(bot));

        var digest = await slack.WaitForPostAsync(before, "Team digest", "C0ORG");
        Assert.Equal("chat.postMessage", digest.Kind);
        Assert.Single(slack.Posts.Skip(before), p => p.Channel == "C0ORG");
        Assert.DoesNotContain(slack.Posts.Skip(before), p => p.Channel == "DUANA");
        Assert.Equal(digestTime.AddDays(7), await NextDigestAtAsync(bot));
    }

    private static async Task<int> DispatchAsync(SlackBot bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    private static async Task<T> WithStoreAsync<T>(SlackBot bot, Func<IOneOnOneStore, Task<T>> use)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IOneOnOneStore>());
    }

    private static Task<DateTimeOffset?> NextDigestAtAsync(SlackBot bot) =>
        WithStoreAsync(bot, store => store.Teams.Select(t => t.NextDigestAt).SingleAsync());
}
