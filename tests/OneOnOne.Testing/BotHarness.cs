using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Core;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Data;

namespace OneOnOne.Testing;

/// <summary>
/// The engine over a real SQLite file (migrated, as in production) with a fake clock. <see cref="Restart"/>
/// throws away every service and keeps only the file, as a process restart would.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string Zone = "America/New_York";

    /// <summary>Thursday 26 November 2026, 10:00 in New York.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oneonone-test-{Guid.NewGuid():N}.db");
    private readonly Action<IServiceCollection>? _configure;
    private ServiceProvider _services;

    /// <param name="configure">Extra registrations, e.g. the dispatchers and a recording messenger.</param>
    public BotHarness(Action<IServiceCollection>? configure = null)
    {
        _configure = configure;
        _services = Build();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OneOnOneDbContext>().Database.Migrate();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public string DatabasePath => _path;

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
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
        services.AddDbContext<OneOnOneDbContext>(options => options.UseSqlite($"Data Source={_path}"));
        services.AddScoped<IOneOnOneStore>(provider => provider.GetRequiredService<OneOnOneDbContext>());
        _configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
