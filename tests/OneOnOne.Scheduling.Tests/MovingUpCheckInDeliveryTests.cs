using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>The maintenance check-in suggests a step up that fits where the person stands when it goes out.</summary>
public sealed class MovingUpCheckInDeliveryTests : DispatchingBotTests
{
    [Fact]
    public async Task The_check_in_fits_the_persons_level_and_what_the_organizer_noted_they_care_about()
    {
        var ana = Bot.Organizer("Ana");
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

        var due = await Bot.QueryAsync(s => s.FollowUps
            .Where(f => f.Kind == FollowUpKind.MaintenanceCheckIn && f.Status == FollowUpStatus.Pending)
            .Select(f => f.DueAt).SingleAsync());
        Bot.Time.Advance(due - Bot.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Bot.DispatchAsync();

        var checkIn = Assert.Single(Platform.Texts(), t => t.Contains("It's been a while since your 1:1 with Maria Lopez", StringComparison.Ordinal));
        Assert.Contains("Maria Lopez is a contributor", checkIn);
        Assert.Contains("small task of their own, tied to keeping her kids in their school", checkIn);
    }
}
