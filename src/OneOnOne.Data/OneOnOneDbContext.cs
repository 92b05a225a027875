using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Data;

public sealed class OneOnOneDbContext(DbContextOptions<OneOnOneDbContext> options)
    : DbContext(options), IOneOnOneStore
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Organizer> Organizers => Set<Organizer>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Relationship> Relationships => Set<Relationship>();

    public DbSet<LevelChange> LevelChanges => Set<LevelChange>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Reflection> Reflections => Set<Reflection>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<FlowRun> FlowRuns => Set<FlowRun>();

    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    public DbSet<SimulatedClock> SimulatedClocks => Set<SimulatedClock>();

    /// <summary>The adapters' durable inbox: not part of the engine's store, reached only through <see cref="Inbox.EfInboxStore"/>.</summary>
    internal DbSet<Inbox.InboxItem> InboxItems => Set<Inbox.InboxItem>();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the data file stays readable and reordering an enum is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        // SQLite has no instant type and cannot compare DateTimeOffset text; UTC ticks sort and compare correctly.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneOnOneDbContext).Assembly);
}
