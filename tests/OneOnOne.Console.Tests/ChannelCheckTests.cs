using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Console.Tests;

/// <summary>The console prints the digest where the organizer types, so any channel it is given can be posted in.</summary>
public sealed class ChannelCheckTests
{
    [Fact]
    public async Task The_console_adapter_says_every_channel_can_be_posted_in()
    {
        await using var services = new ServiceCollection().AddLogging().AddConsoleAdapter().BuildServiceProvider();

        var check = Assert.Single(services.GetServices<IPlatformChannelCheck>(), c => c.Platform == "console");
        Assert.IsType<ChannelAccess.Open>(await check.CheckAsync(new ToChannel("console", "local", "team"), CancellationToken.None));
    }
}
