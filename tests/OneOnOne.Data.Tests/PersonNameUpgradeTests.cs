using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Data.Tests;

/// <summary>People stored before names were compared without accents are found by the new rule after an upgrade.</summary>
public sealed class PersonNameUpgradeTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Start_up_brings_names_stored_with_the_old_normalization_to_the_new_one_and_leaves_the_rest(DatabaseProvider provider)
    {
        await using var data = await DataHost.StartEmptyAsync(provider);
        await using (var db = data.NewContext())
        {
            var team = new Team { Platform = "test", ExternalId = "T1" };
            var organizer = new Organizer { Team = team, ExternalUserId = "U1", DisplayName = "Ana" };
            db.Organizers.Add(organizer);
            await db.SaveChangesAsync();

            // As the previous version stored them: lower-cased, accents kept.
            db.People.AddRange(
                new Person { TeamId = team.Id, Name = "José Núñez", NormalizedName = "josé núñez", AddedBy = organizer },
                new Person { TeamId = team.Id, Name = "Maria Lopez", NormalizedName = "maria lopez", AddedBy = organizer });
            await db.SaveChangesAsync();
        }

        await data.StartAsync();
        await data.StartAsync();

        await using var read = data.NewContext();
        var names = await read.People.OrderBy(p => p.Id).Select(p => new { p.Name, p.NormalizedName }).ToListAsync();
        Assert.Equal(["jose nunez", "maria lopez"], names.Select(n => n.NormalizedName));
        Assert.Equal(["José Núñez", "Maria Lopez"], names.Select(n => n.Name));
    }
}
