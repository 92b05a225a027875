using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneOnOne.Core.Engine;

namespace OneOnOne.Adapters.Flows;

public static class FlowCatalogServiceCollectionExtensions
{
    /// <summary>The one <see cref="FlowCatalog"/>, filled with the flows the engine offers through its door.</summary>
    public static IServiceCollection AddFlowCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new FlowCatalog(provider.GetRequiredService<IConversationViews>().Flows));
        return services;
    }
}
