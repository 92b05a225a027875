using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OneOnOne.Data.Tests;

/// <summary>What only SQLite needs: its file and folder, its connection settings, and upgrades of files written by earlier versions.</summary>
public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oneonone-data-{Guid.NewGuid():N}");
    private ServiceProvider _services = null!;

    private string DatabasePath => Path.Combine(_directory, "nested", "bot.db");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={DatabasePath}" })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneOnOneData()
            .BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Start_up_creates_the_folder_applies_every_migration_and_turns_on_WAL()
    {
        Assert.True(File.Exists(DatabasePath));
        await using var db = NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_connection_the_bot_opens_commits_without_waiting_for_the_disk_and_waits_for_locks()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var db = NewContext();
            Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());
            Assert.Equal(30_000L, await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
        }
    }

    [Fact]
    public async Task Upgrading_keeps_each_referral_with_the_organizer_who_recorded_it()
    {
        await using (var db = NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126074534_InitialCreate");
        }

        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO Teams (Id, Platform, ExternalId, TimeZone, CreatedAt, DigestDay, DigestTime) VALUES (1, 'test', 'T1', 'UTC', 0, 'Monday', '09:00:00');
                INSERT INTO Organizers (Id, TeamId, ExternalUserId, DisplayName, CreatedAt, NudgesOff) VALUES (1, 1, 'U1', 'Ana', 0, 0), (2, 1, 'U2', 'Ben', 0, 0);
                INSERT INTO People (Id, TeamId, Name, NormalizedName, AddedByOrganizerId, CreatedAt) VALUES (1, 1, 'Aisha', 'aisha', 1, 0);
                INSERT INTO People (Id, TeamId, Name, NormalizedName, AddedByOrganizerId, CreatedAt, ReferredByPersonId) VALUES (2, 1, 'Maria', 'maria', 1, 0, 1);
                INSERT INTO Relationships (Id, OrganizerId, PersonId, OnList, AddedAt) VALUES (1, 1, 2, 1, 0), (2, 2, 2, 1, 0);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var read = NewContext();
        var referrals = await read.Relationships.OrderBy(r => r.OrganizerId).Select(r => r.ReferredByPersonId).ToListAsync();
        Assert.Equal([1, null], referrals);
    }

    private OneOnOneDbContext NewContext() =>
        _services.CreateScope().ServiceProvider.GetRequiredService<OneOnOneDbContext>();
}
