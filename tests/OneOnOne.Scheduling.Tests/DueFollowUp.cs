using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Core.Domain;
using OneOnOne.Data;

namespace OneOnOne.Scheduling.Tests;

/// <summary>One follow-up already due, for the tests that let real Quartz find and send it.</summary>
internal static class DueFollowUp
{
    public static async Task SeedAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var now = DateTimeOffset.UtcNow;
        var team = new Team { Platform = "test", ExternalId = "T1", CreatedAt = now };
        var organizer = new Organizer { Team = team, ExternalUserId = "ana", DisplayName = "Ana", CreatedAt = now, LastSeenAt = now };
        db.Organizers.Add(organizer);
        await db.SaveChangesAsync();
        var person = new Person { TeamId = team.Id, Name = "Maria", NormalizedName = "maria", AddedBy = organizer, CreatedAt = now };
        db.FollowUps.Add(new FollowUp
        {
            Organizer = organizer,
            Person = person,
            Kind = FollowUpKind.MaintenanceCheckIn,
            DueAt = now.AddMinutes(-1),
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
