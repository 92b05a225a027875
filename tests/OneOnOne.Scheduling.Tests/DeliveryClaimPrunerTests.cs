using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

public sealed class DeliveryClaimPrunerTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new(services => services
        .AddOneOnOneDispatch()
        // The replies are not what this test is about: a platform that takes anything.
        .AddSingleton(Mock.Of<IPlatformMessenger>(p => p.Platform == "test")));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Claims_are_kept_a_day_so_late_retries_are_still_recognised_then_forgotten()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Deliver(new CommandInput("status"), "early");
        _bot.Time.Advance(TimeSpan.FromHours(12));
        await ana.Deliver(new CommandInput("status"), "late");

        _bot.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        await _bot.WithScopeAsync<DueWork, DispatchSummary>(work => work.RunAsync(CancellationToken.None));

        var left = await _bot.QueryAsync(s => s.ProcessedEvents.Select(e => e.Key).ToListAsync());
        Assert.Equal(["test:late"], left);
        await ana.Deliver(new CommandInput("status"), "late");
        Assert.Empty(ana.Last);
    }
}
