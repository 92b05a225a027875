using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Core;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Data;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Testing;

/// <summary>
/// The engine over a real database (a SQLite file by default, or a fresh PostgreSQL database), migrated as in
/// production, with a fake clock. <see cref="Restart"/> throws away every service and keeps only the data, as a
/// process restart would.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string Zone = "America/New_York";

    /// <summary>Thursday 26 November 2026, 10:00 in New York.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    private readonly Action<IServiceCollection>? _configure;
    private ServiceProvider _services;

    /// <param name="configure">Extra registrations, e.g. the dispatchers and a recording messenger.</param>
    /// <param name="provider">Where the data lives; PostgreSQL needs <see cref="PostgresTestServer"/>.</param>
    public BotHarness(Action<IServiceCollection>? configure = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _configure = configure;
        Database = TestDatabase.Create(provider);
        _services = Build();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>().Database.Migrate();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for tests that read it directly.</summary>
    public string DatabasePath =>
        (Database as SqliteTestDatabase)?.Path ?? throw new InvalidOperationException("Only a SQLite harness has a database file.");

    public Conversation Organizer(string name, string workspace = "T1") =>
        new(this, new Address("test", workspace, name.ToLowerInvariant().Replace(' ', '-')), name);

    public async Task<IReadOnlyList<Outbound>> HandleAsync(Inbound inbound)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationEngine>().HandleAsync(inbound);
    }

    /// <summary>Runs a service from a fresh scope, as a job or a request would.</summary>
    public async Task<T> WithScopeAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs a query against the stored data in a fresh scope.</summary>
    public async Task<T> QueryAsync<T>(Func<IOneOnOneStore, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IOneOnOneStore>());
    }

    public async Task Restart()
    {
        await _services.DisposeAsync();
        _services = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:DefaultTimeZone"] = Zone })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddOneOnOneEngine();
        services.AddDbContext<OneOnOneDbContext>(options => options.UseOneOnOneDatabase(Database.Options));
        services.AddScoped<IOneOnOneStore>(provider => provider.GetRequiredService<OneOnOneDbContext>());
        _configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
