using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Tests;

/// <summary>People stored before names were compared without accents are found by the new rule after an upgrade.</summary>
public sealed class PersonNameUpgradeTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oneonone-names-{Guid.NewGuid():N}");
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "bot.db")}" })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneOnOneData()
            .BuildServiceProvider();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Start_up_brings_names_stored_with_the_old_normalization_to_the_new_one_and_leaves_the_rest()
    {
        await using (var db = NewContext())
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

        await StartAsync();
        await StartAsync();

        await using var read = NewContext();
        var names = await read.People.OrderBy(p => p.Id).Select(p => new { p.Name, p.NormalizedName }).ToListAsync();
        Assert.Equal(["jose nunez", "maria lopez"], names.Select(n => n.NormalizedName));
        Assert.Equal(["José Núñez", "Maria Lopez"], names.Select(n => n.Name));
    }

    private async Task StartAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private OneOnOneDbContext NewContext() =>
        _services.CreateScope().ServiceProvider.GetRequiredService<OneOnOneDbContext>();
}
