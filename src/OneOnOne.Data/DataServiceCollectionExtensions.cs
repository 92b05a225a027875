using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Inbox;
using OneOnOne.Core.Settings;
using OneOnOne.Core.Storage;
using OneOnOne.Data.Inbox;

namespace OneOnOne.Data;

public static class DataServiceCollectionExtensions
{
    private static readonly SqliteConnectionTuning Tuning = new();

    /// <summary>Registers the DbContext on the configured provider and migrates the database at start.</summary>
    /// <param name="interceptors">More EF interceptors, after the bot's own: benchmarks time commands with them.</param>
    public static IServiceCollection AddOneOnOneData(this IServiceCollection services, params IInterceptor[] interceptors)
    {
        services.AddOptions<DatabaseOptions>().BindSettings(DatabaseOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.AddDbContextPool<OneOnOneDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                .AddInterceptors([Tuning, .. interceptors])
                // SQLite rebuilds a table to change its foreign keys, and EF warns that the PRAGMA foreign_keys
                // around the rebuild runs outside the migration's transaction. That pragma is a setting of the
                // connection, never stored in the file, so a crash there leaves nothing half-applied: not worth
                // alarming someone starting the bot for the first time.
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))));
        services.AddScoped<IOneOnOneStore>(provider => provider.GetRequiredService<OneOnOneDbContext>());
        services.TryAddSingleton<IInboxStore, EfInboxStore>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}
