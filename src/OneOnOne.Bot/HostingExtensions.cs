using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Bot.Health;
using OneOnOne.Bot.Metrics;
using OneOnOne.Charts;
using OneOnOne.Console;
using OneOnOne.Core;
using OneOnOne.Data;
using OneOnOne.Discord;
using OneOnOne.Scheduling;
using OneOnOne.Slack;
using OneOnOne.Slack.Http;
using OneOnOne.Telemetry;

namespace OneOnOne.Bot;

/// <summary>The composition root: each area registers itself; the mode decides which adapter runs.</summary>
public static class HostingExtensions
{
    public static IHostApplicationBuilder AddOneOnOneBot(this IHostApplicationBuilder builder, BotMode mode)
    {
        builder.Services.AddOneOnOneData();
        builder.Services.AddOneOnOneEngine();
        builder.Services.AddOneOnOneCharts();
        builder.Services.AddOneOnOneScheduling(builder.Configuration);
        switch (mode)
        {
            case BotMode.Console:
                builder.Services.AddConsoleAdapter();

                // A newcomer sees a week of reminders in a minute with /clock; every other mode runs on real time.
                builder.Services.AddSimulatedClock();
                break;

            case BotMode.Slack:
                builder.AddSlackAdapter();
                break;

            case BotMode.Discord:
                builder.AddDiscordAdapter();
                break;
        }

        return builder;
    }

    /// <summary>
    /// What operators watch: the health probes and Prometheus's <c>/metrics</c> when the bot serves HTTP (every chat mode
    /// with a listen address, see <see cref="BotModes.ServesHttp"/>), and OTLP export when it is configured, in any mode.
    /// </summary>
    public static IHostApplicationBuilder AddOneOnOneOperations(this IHostApplicationBuilder builder, bool servesHttp)
    {
        builder.Services.AddBotTelemetry();
        builder.Services.AddOneOnOneMetricsExport(builder.Configuration, prometheus: servesHttp);
        if (servesHttp)
        {
            builder.Services.AddOneOnOneHealthChecks();
        }

        return builder;
    }

    public static WebApplication MapOneOnOneEndpoints(this WebApplication app, BotMode mode)
    {
        app.MapOneOnOneHealthChecks();
        app.MapOneOnOneMetrics();
        if (mode == BotMode.Slack)
        {
            app.MapSlackEndpoints();
        }

        if (mode == BotMode.Discord)
        {
            app.MapDiscordEndpoints();
        }

        return app;
    }
}
