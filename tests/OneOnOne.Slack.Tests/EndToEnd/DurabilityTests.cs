using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Adapters.Inbox;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;
using OneOnOne.Testing;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>
/// Acknowledged means kept: a delivery Slack has had its acknowledgement for is handled even when the bot
/// is killed before it got to it (Slack never sends it again), and handled once.
/// </summary>
public sealed class DurabilityTests
{
    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task A_direct_message_acknowledged_before_a_kill_is_answered_once_after_the_restart(SlackTransport transport)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Ruiz");
        var gate = new EngineGate();
        var bot = await SlackBot.StartAsync(slack, transport, extra: null, builder => gate.Install(builder.Services));

        await bot.Person("UANA").SendEventAsync(SlackPayloads.MessageEvent("UANA", "list add Maria Lopez"));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(20));
        await using var restarted = await bot.KillAndRestartAsync();

        await slack.WaitForPostAsync(0, "Added Maria Lopez");
        await IdleAsync(restarted);
        Assert.Single(slack.Posts, p => p.AllText.Contains("Added Maria Lopez", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task A_slash_command_acknowledged_before_a_kill_is_answered_once_through_its_response_url(SlackTransport transport)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Ruiz");
        var gate = new EngineGate();
        var inlineTime = new FakeTimeProvider();
        var bot = await SlackBot.StartAsync(slack, transport, extra: null, builder =>
        {
            gate.Install(builder.Services);
            builder.Services.AddSingleton(new InlineAnswerClock(inlineTime));
        });
        var responseUrl = slack.NewResponseUrl();

        var sending = bot.Person("UANA").SendCommandAsync("list add Maria Lopez", responseUrl);
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(20));
        inlineTime.Advance(TimeSpan.FromSeconds(3));
        await sending.WaitAsync(TimeSpan.FromSeconds(20));
        await using var restarted = await bot.KillAndRestartAsync();

        var answer = await slack.WaitForPostAsync(0, "Added Maria Lopez");
        Assert.Equal(responseUrl, answer.ResponseUrl);
        await IdleAsync(restarted);
        Assert.Single(slack.Posts, p => p.AllText.Contains("Added Maria Lopez", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task Help_is_answered_in_the_acknowledgement_without_being_kept_first(SlackTransport transport)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Ruiz");
        await using var bot = await SlackBot.StartAsync(slack, transport);

        var answer = await bot.Person("UANA").Command("help", "list add");

        Assert.Equal(FakeSlack.InPlaceAnswerKind, answer.Kind);
        await using var connection = new SqliteConnection($"Data Source={bot.DatabasePath}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM InboxItems";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    /// <summary>Bounded polling: the inbox finishing makes no call to Slack that could be waited for.</summary>
    private static async Task IdleAsync(SlackBot bot)
    {
        var inbox = bot.Services.GetRequiredService<DurableInbox>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (inbox.Waiting > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted bot never finished what it found.");
            await Task.Delay(10);
        }
    }
}
