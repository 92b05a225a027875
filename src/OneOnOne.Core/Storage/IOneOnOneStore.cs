using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Storage;

/// <summary>
/// The engine's view of storage. Implemented by the data project's DbContext on SQLite or PostgreSQL;
/// the engine only ever sees these sets.
/// </summary>
public interface IOneOnOneStore
{
    DbSet<Team> Teams { get; }

    DbSet<Organizer> Organizers { get; }

    DbSet<Person> People { get; }

    DbSet<Relationship> Relationships { get; }

    DbSet<LevelChange> LevelChanges { get; }

    DbSet<Meeting> Meetings { get; }

    DbSet<Reflection> Reflections { get; }

    DbSet<FollowUp> FollowUps { get; }

    DbSet<FlowRun> FlowRuns { get; }

    DbSet<ProcessedEvent> ProcessedEvents { get; }

    DbSet<SimulatedClock> SimulatedClocks { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>For work that spans several statements and must happen whole or not at all.</summary>
    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}
