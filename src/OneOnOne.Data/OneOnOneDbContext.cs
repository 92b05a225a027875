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

        // Instants are UTC ticks on every provider. SQLite has no instant type and can't compare DateTimeOffset text;
        // PostgreSQL's timestamptz keeps microseconds, not .NET's 100 ns ticks, so an instant read back would no longer
        // equal the one the bot computed (the follow-up reconciler compares them to decide what moved). Ticks are exact,
        // sort and compare the same on both, and copy from one database to the other unchanged.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();

        // Text compares and sorts by code point, as SQLite's BINARY does, whatever locale the PostgreSQL server was
        // created with: names are matched on the normalized key the engine computes, and lists come out in the same
        // order on both providers. "C" also lets a LIKE 'prefix%' (finding look-alike names) use the index.
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<string>().UseCollation("C");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneOnOneDbContext).Assembly);
}
