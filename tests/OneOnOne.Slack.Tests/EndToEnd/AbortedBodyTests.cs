using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Slack.Http;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;
using OneOnOne.Slack.Verification;
using OneOnOne.Testing;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>
/// A client that sends half a body and hangs up, or stalls until Kestrel's minimum data rate gives up
/// on it, costs one Debug line: never an error, a stack trace or a 500, so a stranger can't fill the log.
/// </summary>
public sealed class AbortedBodyTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Form = new()
    {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        [SlackSignatureVerifier.TimestampHeader] = "1531420618",
        [SlackSignatureVerifier.SignatureHeader] = "v0=" + new string('a', 64),
    };

    private FakeSlack _slack = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_slack, SlackTransport.Http, new Dictionary<string, string?> { ["Logging:LogLevel:OneOnOne"] = "Debug" },
            builder => builder.Services.Configure<KestrelServerOptions>(kestrel =>
                // Kestrel's default grace is 5 s; the shortest it allows keeps the stall short.
                kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2))));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Theory]
    [InlineData(SlackEndpoints.CommandsPath)]
    [InlineData(SlackEndpoints.InteractionsPath)]
    [InlineData(SlackEndpoints.EventsPath)]
    public async Task A_client_that_hangs_up_halfway_through_the_body_is_a_debug_line(string path)
    {
        await RawHttp.SendPartAndHangUpAsync(_bot.Address!, path, Form, declaredBytes: 2000, sentBytes: 700);

        await UntilAsync(() => WentAway().Any(), "the Debug line about the client that went away");
        AssertNothingWorseThanDebug();
    }

    [Fact]
    public async Task A_client_that_stalls_is_dropped_with_a_debug_line_and_no_500()
    {
        var status = await RawHttp.SendPartAndStallAsync(_bot.Address!, SlackEndpoints.CommandsPath, Form, declaredBytes: 2000, sentBytes: 10, TimeSpan.FromSeconds(20));

        await UntilAsync(() => WentAway().Any(), "the Debug line about the stalled client");
        Assert.DoesNotContain(" 500 ", status, StringComparison.Ordinal);
        AssertNothingWorseThanDebug();
    }

    private IEnumerable<LogLine> WentAway() =>
        _bot.Logs.Lines.Where(l => l.Level == LogLevel.Debug && l.Category.StartsWith("OneOnOne.Slack", StringComparison.Ordinal)
                                   && l.Message.Contains("request body", StringComparison.Ordinal));

    private void AssertNothingWorseThanDebug()
    {
        var worse = _bot.Logs.Lines.Where(l => l.Level >= LogLevel.Warning
                                               || (l.Level > LogLevel.Debug && l.Category.StartsWith("OneOnOne.Slack.Http", StringComparison.Ordinal))).ToList();
        Assert.True(worse.Count == 0, string.Join("\n", worse));
    }

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}. Logged:\n{string.Join("\n", _bot.Logs.Lines)}");
            await Task.Delay(20);
        }
    }
}
