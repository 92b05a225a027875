using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core;
using OneOnOne.Core.Storage;
using OneOnOne.Data;

namespace OneOnOne.Discord.Tests.Rendering;

/// <summary>The engine's real flow definitions, for tests of how they render. Flows take a store; it is never opened.</summary>
internal static class Flows
{
    public static IServiceScopeFactory Scopes()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOneOnOneEngine();
        services.AddDbContext<OneOnOneDbContext>(options => options.UseSqlite("Data Source=:memory:"));
        services.AddScoped<IOneOnOneStore>(provider => provider.GetRequiredService<OneOnOneDbContext>());
        return services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
    }
}
