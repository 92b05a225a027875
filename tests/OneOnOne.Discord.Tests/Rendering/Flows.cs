using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Adapters.Flows;
using OneOnOne.Core;
using OneOnOne.Core.Engine;
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

    /// <summary>The catalog as the adapter gets it: the engine's flows, through its door.</summary>
    public static FlowCatalog Catalog() => new(new ConversationViews(Scopes()).Flows);
}
