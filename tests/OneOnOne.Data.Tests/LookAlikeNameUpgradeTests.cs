using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data.Tests;

/// <summary>
/// People stored before invisible characters were cleaned out keep the name as it was typed, but start-up gives
/// them the matching key of the name they look like, so typing that name finds them instead of adding a twin.
/// </summary>
public sealed class LookAlikeNameUpgradeTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oneonone-lookalikes-{Guid.NewGuid():N}");
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "bot.db")}" })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneOnOneData()
            .BuildServiceProvider();
        return StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Start_up_gives_names_stored_with_invisible_characters_the_key_of_the_name_they_look_like()
    {
        await using (var db = NewContext())
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

        await StartAsync();

        await using var read = NewContext();
        var names = await read.People.OrderBy(p => p.Id).Select(p => new { p.Name, p.NormalizedName }).ToListAsync();
        Assert.Equal(["maria lopez", "sam ortiz"], names.Select(n => n.NormalizedName));
        Assert.Equal(["Maria\u200B Lopez", "Sam\u0007 \u202EOrtiz"], names.Select(n => n.Name));
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
