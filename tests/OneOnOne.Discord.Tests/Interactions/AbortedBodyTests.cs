using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Testing;

namespace OneOnOne.Discord.Tests.Interactions;

/// <summary>
/// A client that sends half a body and hangs up, or stalls until Kestrel's minimum data rate gives up
/// on it, costs one Debug line: never an error, a stack trace or a 500, so a stranger can't fill the log.
/// </summary>
public sealed class AbortedBodyTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Signed = new()
    {
        ["Content-Type"] = "application/json",
        ["X-Signature-Ed25519"] = new string('a', 128),
        ["X-Signature-Timestamp"] = "1700000000",
    };

    private FakeDiscord _fake = null!;
    private DiscordBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _bot = await DiscordBot.StartAsync(_fake, new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Signer.PublicKey,
            ["Discord:UseGateway"] = "false",
            ["Logging:LogLevel:OneOnOne"] = "Debug",
        }, builder => builder.Services.Configure<KestrelServerOptions>(kestrel =>
            // Kestrel's default grace is 5 s; the shortest it allows keeps the stall short.
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2))));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_client_that_hangs_up_halfway_through_the_body_is_a_debug_line()
    {
        await RawHttp.SendPartAndHangUpAsync(new Uri(_bot.HttpBaseUrl), "/discord/interactions", Signed, declaredBytes: 2000, sentBytes: 700);

        await Wait.UntilAsync(() => WentAway().Any(), "the Debug line about the client that went away");
        AssertNothingWorseThanDebug();
    }

    [Fact]
    public async Task A_client_that_stalls_is_dropped_with_a_debug_line_and_no_500()
    {
        var status = await RawHttp.SendPartAndStallAsync(new Uri(_bot.HttpBaseUrl), "/discord/interactions", Signed, declaredBytes: 2000, sentBytes: 10, Wait.Limit);

        await Wait.UntilAsync(() => WentAway().Any(), "the Debug line about the stalled client");
        Assert.DoesNotContain(" 500 ", status, StringComparison.Ordinal);
        AssertNothingWorseThanDebug();
    }

    private IEnumerable<LogLine> WentAway() =>
        _bot.Logs.Lines.Where(l => l.Level == LogLevel.Debug && l.Category.StartsWith("OneOnOne.Discord", StringComparison.Ordinal)
                                   && l.Message.Contains("request body", StringComparison.Ordinal));

    private void AssertNothingWorseThanDebug()
    {
        var worse = _bot.Logs.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.True(worse.Count == 0, string.Join("\n", worse));
    }
}
