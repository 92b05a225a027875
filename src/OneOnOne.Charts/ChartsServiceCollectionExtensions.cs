using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Digests;

namespace OneOnOne.Charts;

public static class ChartsServiceCollectionExtensions
{
    /// <summary>Gives the digest (preview and weekly post) its chart image.</summary>
    public static IServiceCollection AddOneOnOneCharts(this IServiceCollection services) =>
        services.AddSingleton<IDigestChartRenderer, DigestChartRenderer>();
}
