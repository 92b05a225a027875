using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;
using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>The maintenance check-in suggests a step up that fits where the person stands when it goes out.</summary>
public sealed class MovingUpCheckInDeliveryTests : IAsyncLifetime
{
    private readonly RecordingMessenger _platform = new();
    private readonly BotHarness _bot;

    public MovingUpCheckInDeliveryTests() =>
        _bot = new BotHarness(services => services
            .AddOneOnOneDispatch()
            .AddSingleton<IPlatformMessenger>(_platform));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_check_in_fits_the_persons_level_and_what_the_organizer_noted_they_care_about()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("met Maria");
        await ana.Send("skip");
        await ana.Send("skip");
        (await ana.Send("contributor")).Expect("Reflecting on your 1:1 with Maria Lopez");
        await ana.Send("skip");
        await ana.Send("keeping her kids in their school");
        for (var i = 0; i < 8; i++)
        {
            await ana.Send("skip");
        }

        ana.Expect("Reflection saved");

        var due = await _bot.QueryAsync(s => s.FollowUps
            .Where(f => f.Kind == FollowUpKind.MaintenanceCheckIn && f.Status == FollowUpStatus.Pending)
            .Select(f => f.DueAt).SingleAsync());
        _bot.Time.Advance(due - _bot.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await _bot.DispatchAsync();

        var checkIn = Assert.Single(_platform.Texts(), t => t.Contains("It's been a while since your 1:1 with Maria Lopez", StringComparison.Ordinal));
        Assert.Contains("Maria Lopez is a contributor", checkIn);
        Assert.Contains("small task of their own, tied to keeping her kids in their school", checkIn);
    }
}
