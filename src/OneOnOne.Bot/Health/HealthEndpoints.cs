using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneOnOne.Bot.Health;

/// <summary>
/// The probes: <see cref="AlivePath"/> answers whenever the process does (restart it if not); <see cref="ReadyPath"/>
/// is 200 only when the database, the platform connection and the scheduler all are (send it work only then), else 503.
/// Both answer in JSON naming each check. <c>/health</c>, the older name, answers as <see cref="AlivePath"/>.
/// </summary>
public static class HealthEndpoints
{
    public const string AlivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    public const string LegacyPath = "/health";

    private const string ReadyTag = "ready";

    // Probes come every few seconds; one that hangs on a stuck database must still answer, as not ready.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddOneOnOneHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", failureStatus: null, tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<PlatformConnectionHealthCheck>("platform", tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", failureStatus: null, tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }

    public static WebApplication MapOneOnOneHealthChecks(this WebApplication app)
    {
        var alive = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync };
        app.MapHealthChecks(AlivePath, alive);
        app.MapHealthChecks(LegacyPath, alive);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthBody(
            Status(report.Status),
            report.Entries.ToDictionary(entry => entry.Key, entry => new HealthEntry(Status(entry.Value.Status), Describe(entry.Value))));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson.Default.HealthBody, context.RequestAborted);
    }

    // A failed check's exception message could carry a host name or a path; its type says enough, the logs say more.
    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is { } failure ? $"The check failed ({failure.GetType().Name})." : entry.Description;

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

internal sealed record HealthBody(string Status, Dictionary<string, HealthEntry> Checks);

internal sealed record HealthEntry(string Status, string? Description);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HealthBody))]
internal sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;
