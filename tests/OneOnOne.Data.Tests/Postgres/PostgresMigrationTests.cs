using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using OneOnOne.Core.Settings;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Data.Tests.Postgres;

/// <summary>PostgreSQL's own migrations, applied by the bot's start-up as SQLite's are.</summary>
public sealed class PostgresMigrationTests
{
    [PostgresFact]
    public async Task Start_up_applies_every_migration_to_an_empty_database()
    {
        await using var data = await DataHost.StartEmptyAsync(DatabaseProvider.Postgres);

        await using var db = data.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync();
        Assert.Contains("People", tables);
        Assert.Contains("InboxItems", tables);
    }

    [PostgresFact]
    public async Task A_database_one_migration_behind_keeps_its_rows_when_start_up_brings_it_up_to_date()
    {
        await using var data = DataHost.Over(PostgresTestDatabase.CreateEmpty());
        await using (var db = data.NewContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await using (var connection = new NpgsqlConnection(data.Options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO "Teams" ("Platform", "ExternalId", "TimeZone", "CreatedAt", "DigestDay", "DigestTime") VALUES ('test', 'T1', 'UTC', 0, 'Monday', '09:00');
                INSERT INTO "Organizers" ("TeamId", "ExternalUserId", "DisplayName", "CreatedAt", "NudgesOff") VALUES (1, 'U1', 'Ana', 0, false);
                INSERT INTO "People" ("TeamId", "Name", "NormalizedName", "AddedByOrganizerId", "CreatedAt") VALUES (1, 'José Núñez', 'josé núñez', 1, 0);
                INSERT INTO "Relationships" ("OrganizerId", "PersonId", "OnList", "AddedAt") VALUES (1, 1, true, 0);
                """,
                connection);
            await command.ExecuteNonQueryAsync();
        }

        await data.StartAsync();

        await using var read = data.NewContext();
        Assert.Empty(await read.Database.GetPendingMigrationsAsync());
        var person = await read.Relationships.Select(r => new { r.Organizer.DisplayName, r.Person.Name, r.Person.NormalizedName }).SingleAsync();
        Assert.Equal(("Ana", "José Núñez", "jose nunez"), (person.DisplayName, person.Name, person.NormalizedName));

        // Identity columns go on from the rows that were there.
        read.Teams.Add(new Core.Domain.Team { Platform = "test", ExternalId = "T2" });
        await read.SaveChangesAsync();
        Assert.Equal([1, 2], await read.Teams.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
    }

    [PostgresFact]
    public async Task Text_columns_compare_by_code_point_whatever_locale_the_server_was_created_with()
    {
        await using var data = await DataHost.StartEmptyAsync(DatabaseProvider.Postgres);
        await using var db = data.NewContext();

        var collations = await db.Database.SqlQueryRaw<string>(
                """
                SELECT DISTINCT collation_name AS "Value" FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = 'People' AND column_name IN ('Name', 'NormalizedName', 'ExternalUserId')
                """)
            .ToListAsync();
        Assert.Equal(["C"], collations);
    }

    [PostgresFact]
    public async Task A_wrong_password_stops_start_up_naming_the_user_and_the_setting_but_not_the_password()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Password = "not-the-password" };
        await using var data = DataHost.Over(new UnmanagedDatabase(server.ConnectionString));

        var refused = await Assert.ThrowsAsync<StartupFailure>(data.StartAsync);

        Assert.Contains($"refused user {server.Username}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("check the user name and password in Database:ConnectionString", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cant_be_reached_stops_start_up_with_where_it_looked()
    {
        // Port 1 on this machine: nothing listens there, so the connection is refused at once.
        await using var data = DataHost.Over(new UnmanagedDatabase("Host=127.0.0.1;Port=1;Database=oneonone;Username=bot;Password=s3cret"));

        var refused = await Assert.ThrowsAsync<StartupFailure>(data.StartAsync);

        Assert.StartsWith("The PostgreSQL database oneonone on 127.0.0.1:1 (Database:ConnectionString) can't be reached", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A PostgreSQL database the test doesn't create or drop: one start-up is expected to refuse.</summary>
    private sealed class UnmanagedDatabase(string connectionString) : TestDatabase
    {
        public override DatabaseOptions Options => new() { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString };

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
