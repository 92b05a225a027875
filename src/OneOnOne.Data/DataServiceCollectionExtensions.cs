using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Inbox;
using OneOnOne.Core.Settings;
using OneOnOne.Core.Storage;
using OneOnOne.Data.Inbox;

namespace OneOnOne.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the DbContext on the configured provider and migrates the database at start.</summary>
    /// <param name="interceptors">More EF interceptors, after the bot's own: benchmarks time commands with them.</param>
    public static IServiceCollection AddOneOnOneData(this IServiceCollection services, params IInterceptor[] interceptors)
    {
        services.AddOptions<DatabaseOptions>().BindSettings(DatabaseOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.AddDbContextPool<OneOnOneDbContext>((provider, options) =>
            options.UseOneOnOneDatabase(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value)
                .AddInterceptors(interceptors));
        services.AddScoped<IOneOnOneStore>(provider => provider.GetRequiredService<OneOnOneDbContext>());
        services.TryAddSingleton<IInboxStore, EfInboxStore>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}
