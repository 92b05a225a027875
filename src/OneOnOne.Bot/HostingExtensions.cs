using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Charts;
using OneOnOne.Console;
using OneOnOne.Core;
using OneOnOne.Data;
using OneOnOne.Discord;
using OneOnOne.Scheduling;
using OneOnOne.Slack;
using OneOnOne.Slack.Http;

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

    public static WebApplication MapOneOnOneEndpoints(this WebApplication app, BotMode mode)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
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
