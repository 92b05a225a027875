using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Data;
using OneOnOne.Testing.Databases;

namespace OneOnOne.Data.Tests;

/// <summary>
/// The data layer as the bot registers it (<see cref="DataServiceCollectionExtensions.AddOneOnOneData"/>), over a test
/// database of either provider; <see cref="StartAsync"/> runs its start-up work (the migrator) as the host would.
/// </summary>
internal sealed class DataHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private DataHost(TestDatabase database)
    {
        _database = database;
        var options = database.Options;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = options.Provider.ToString(),
                ["Database:ConnectionString"] = options.ConnectionString,
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneOnOneData()
            .BuildServiceProvider();
    }

    public DatabaseOptions Options => _database.Options;

    /// <summary>The data layer over <paramref name="database"/>, which it owns; nothing has run yet.</summary>
    public static DataHost Over(TestDatabase database) => new(database);

    /// <summary>
    /// An empty database, brought up by the bot's own start-up: a SQLite file that doesn't exist yet, or a
    /// PostgreSQL database with no tables.
    /// </summary>
    public static async Task<DataHost> StartEmptyAsync(DatabaseProvider provider)
    {
        var host = Over(provider == DatabaseProvider.Postgres ? PostgresTestDatabase.CreateEmpty() : new SqliteTestDatabase());
        await host.StartAsync();
        return host;
    }

    /// <summary>Runs start-up again, as a restarted bot would on the same data.</summary>
    public async Task StartAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public OneOnOneDbContext NewContext() =>
        _services.CreateScope().ServiceProvider.GetRequiredService<OneOnOneDbContext>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
