using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneOnOne.Core.Domain;

namespace OneOnOne.Data;

/// <summary>
/// Brings the database to the current migration before anything else starts, so a fresh machine needs
/// no manual step and an upgraded bot never runs against an old schema.
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>();
        var file = db.Database.IsSqlite() ? SqliteFile(db.Database.GetConnectionString()) : null;
        if (file is not null)
        {
            if (DatabaseFileProblem.Check(file) is { } folder)
            {
                throw folder;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        try
        {
            await MigrateAsync(db, cancellationToken);
        }
        catch (SqliteException exception) when (file is not null)
        {
            throw DatabaseFileProblem.Explain(exception, file);
        }
        catch (NpgsqlException exception) when (db.Database.IsNpgsql())
        {
            throw DatabaseServerProblem.Explain(exception, db.Database.GetConnectionString()!);
        }
    }

    private async Task MigrateAsync(OneOnOneDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (the scheduler, a digest) work while a conversation writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var renamed = await RenormalizePeopleAsync(db, cancellationToken);
        if (renamed > 0)
        {
            LogRenormalized(renamed);
        }

        LogUpToDate();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Names stored before matching ignored accents (or under any earlier rule) keep their old
    /// <see cref="Person.NormalizedName"/>, so "jose" wouldn't find "José". Each start brings stale rows up to
    /// <see cref="Person.Normalize"/>: idempotent, and after the first run it only reads names. Done in C#, not SQL,
    /// because neither SQLite nor PostgreSQL offers the same accent folding, and it must agree with the engine's.
    /// </summary>
    private static async Task<int> RenormalizePeopleAsync(OneOnOneDbContext db, CancellationToken ct)
    {
        var stored = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.NormalizedName }).ToListAsync(ct);
        var stale = stored
            .Select(p => (p.Id, Normalized: Person.Normalize(p.Name), Stored: p.NormalizedName))
            .Where(p => p.Normalized != p.Stored)
            .ToList();
        foreach (var (id, normalized, _) in stale)
        {
            await db.People.Where(p => p.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.NormalizedName, normalized), ct);
        }

        return stale.Count;
    }

    /// <summary>The full path of the database file, or null for an in-memory database.</summary>
    private static string? SqliteFile(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Brought {Count} stored names up to the current matching rule")]
    private partial void LogRenormalized(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database is up to date")]
    private partial void LogUpToDate();
}
