using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Data.Tests;

/// <summary>The storage rules that the engine relies on, checked on each provider's real database.</summary>
public sealed class StorageRulesTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Instants_round_trip_as_UTC_and_compare_in_queries(DatabaseProvider provider)
    {
        await using var data = await DataHost.StartEmptyAsync(provider);
        var (organizer, person) = await SeedAsync(data);

        // Sub-microsecond ticks: the engine compares what it reads back with what it computes.
        var early = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-5)).AddTicks(7);
        await using (var db = data.NewContext())
        {
            db.FollowUps.AddRange(
                new FollowUp { OrganizerId = organizer, PersonId = person, Kind = FollowUpKind.ThankYou, DueAt = early, CreatedAt = early },
                new FollowUp { OrganizerId = organizer, PersonId = person, Kind = FollowUpKind.PocketGuide, DueAt = early.AddHours(2), CreatedAt = early });
            await db.SaveChangesAsync();
        }

        await using var read = data.NewContext();
        var cutoff = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var due = await read.FollowUps.Where(f => f.DueAt < cutoff).OrderBy(f => f.DueAt).ToListAsync();
        var only = Assert.Single(due);
        Assert.Equal(early, only.DueAt);
        Assert.Equal(early.UtcTicks, only.DueAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, only.DueAt.Offset);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_database_allows_only_one_active_flow_per_organizer(DatabaseProvider provider)
    {
        await using var data = await DataHost.StartEmptyAsync(provider);
        var (organizer, _) = await SeedAsync(data);
        await using var db = data.NewContext();
        var now = DateTimeOffset.UtcNow;
        db.FlowRuns.Add(new FlowRun { OrganizerId = organizer, Flow = "prep", Status = FlowStatus.Active, StartedAt = now, UpdatedAt = now });
        db.FlowRuns.Add(new FlowRun { OrganizerId = organizer, Flow = "prep", Status = FlowStatus.Completed, StartedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();

        db.FlowRuns.Add(new FlowRun { OrganizerId = organizer, Flow = "reflect", Status = FlowStatus.Active, StartedAt = now, UpdatedAt = now });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_writers_cannot_both_advance_the_same_flow_run(DatabaseProvider provider)
    {
        await using var data = await DataHost.StartEmptyAsync(provider);
        var (organizer, _) = await SeedAsync(data);
        var now = DateTimeOffset.UtcNow;
        int id;
        await using (var db = data.NewContext())
        {
            var run = new FlowRun { OrganizerId = organizer, Flow = "prep", Status = FlowStatus.Active, Step = "goal", StartedAt = now, UpdatedAt = now };
            db.FlowRuns.Add(run);
            await db.SaveChangesAsync();
            id = run.Id;
        }

        await using var first = data.NewContext();
        await using var second = data.NewContext();
        var a = await first.FlowRuns.SingleAsync(r => r.Id == id);
        var b = await second.FlowRuns.SingleAsync(r => r.Id == id);
        a.Advance("why", """{"goal":"a"}""", now);
        b.Advance("why", """{"goal":"b"}""", now);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Enums_are_stored_by_name(DatabaseProvider provider)
    {
        await using var data = await DataHost.StartEmptyAsync(provider);
        var (organizer, person) = await SeedAsync(data);
        await using var db = data.NewContext();
        db.FollowUps.Add(new FollowUp { OrganizerId = organizer, PersonId = person, Kind = FollowUpKind.RevisitMaybe, DueAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        var stored = await db.Database.SqlQueryRaw<string>("""SELECT "Kind" || '/' || "Status" AS "Value" FROM "FollowUps" """).SingleAsync();
        Assert.Equal("RevisitMaybe/Pending", stored);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Text_sorts_and_matches_by_code_point_on_every_provider(DatabaseProvider provider)
    {
        await using var data = await DataHost.StartEmptyAsync(provider);
        var (organizer, _) = await SeedAsync(data);
        await using var db = data.NewContext();
        var team = await db.Organizers.Where(o => o.Id == organizer).Select(o => o.TeamId).SingleAsync();
        foreach (var name in new[] { "émile", "ana lopez", "Zoe", "ana" })
        {
            db.People.Add(new Person { TeamId = team, Name = name, NormalizedName = name, AddedByOrganizerId = organizer });
        }

        await db.SaveChangesAsync();

        var sorted = await db.People.Where(p => p.TeamId == team).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        Assert.Equal(["Maria", "Zoe", "ana", "ana lopez", "émile"], sorted);

        // The look-alike search's coarse filter: a prefix, matched exactly (no case folding).
        var prefix = "ana ";
        var near = await db.People.Where(p => p.NormalizedName.StartsWith(prefix) || p.NormalizedName == "Ana").Select(p => p.Name).ToListAsync();
        Assert.Equal(["ana lopez"], near);
    }

    internal static async Task<(int Organizer, int Person)> SeedAsync(DataHost data)
    {
        await using var db = data.NewContext();
        var team = new Team { Platform = "test", ExternalId = "T1" };
        var organizer = new Organizer { Team = team, ExternalUserId = "U1", DisplayName = "Ana" };
        var person = new Person { TeamId = 0, Name = "Maria", NormalizedName = "maria", AddedBy = organizer };
        db.Teams.Add(team);
        db.Organizers.Add(organizer);
        await db.SaveChangesAsync();
        person.TeamId = team.Id;
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (organizer.Id, person.Id);
    }
}
