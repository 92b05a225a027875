using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OneOnOne.Bot.Metrics;

/// <summary>
/// Exports <see cref="BotMetrics"/> (with ASP.NET Core's and the runtime's own meters): in Prometheus's text format on
/// <see cref="Path"/> whenever the bot serves HTTP, and over OTLP when <see cref="OtlpEndpointSetting"/> is set
/// (the exporter reads the other <c>OTEL_EXPORTER_OTLP_*</c> variables itself).
/// </summary>
public static class MetricsExport
{
    public const string Path = "/metrics";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "oneonone-bot";

    private static readonly string[] Meters = [BotMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Runtime"];

    /// <param name="prometheus">Whether <see cref="Path"/> will be mapped: the bot serves HTTP.</param>
    public static IServiceCollection AddOneOnOneMetricsExport(this IServiceCollection services, IConfiguration settings, bool prometheus)
    {
        var otlp = !string.IsNullOrWhiteSpace(settings[OtlpEndpointSetting]);
        if (!prometheus && !otlp)
        {
            return services;
        }

        // One service name for every instance; the SDK adds an instance id of its own to tell them apart over OTLP.
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName)).WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters);
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }

    public static WebApplication MapOneOnOneMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
