using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Data.Tests;

/// <summary>
/// People stored before invisible characters were cleaned out keep the name as it was typed, but start-up gives
/// them the matching key of the name they look like, so typing that name finds them instead of adding a twin.
/// </summary>
public sealed class LookAlikeNameUpgradeTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Start_up_gives_names_stored_with_invisible_characters_the_key_of_the_name_they_look_like(DatabaseProvider provider)
    {
        await using var data = await DataHost.StartEmptyAsync(provider);
        await using (var db = data.NewContext())
        {
            var team = new Team { Platform = "test", ExternalId = "T1" };
            var organizer = new Organizer { Team = team, ExternalUserId = "U1", DisplayName = "Ana" };
            db.Organizers.Add(organizer);
            await db.SaveChangesAsync();

            // As the previous version stored them: every character kept, in the name and in its key.
            db.People.AddRange(
                new Person { TeamId = team.Id, Name = "Maria\u200B Lopez", NormalizedName = "maria\u200b lopez", AddedBy = organizer },
                new Person { TeamId = team.Id, Name = "Sam\u0007 \u202EOrtiz", NormalizedName = "sam\u0007 \u202eortiz", AddedBy = organizer });
            await db.SaveChangesAsync();
        }

        await data.StartAsync();

        await using var read = data.NewContext();
        var names = await read.People.OrderBy(p => p.Id).Select(p => new { p.Name, p.NormalizedName }).ToListAsync();
        Assert.Equal(["maria lopez", "sam ortiz"], names.Select(n => n.NormalizedName));
        Assert.Equal(["Maria\u200B Lopez", "Sam\u0007 \u202EOrtiz"], names.Select(n => n.Name));
    }
}
