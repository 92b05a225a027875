using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Console;
using OneOnOne.Core;
using OneOnOne.Data;

namespace OneOnOne.Bot;

/// <summary>The composition root: each area registers itself; this decides which adapter runs.</summary>
public static class HostingExtensions
{
    public static HostApplicationBuilder AddOneOnOneBot(this HostApplicationBuilder builder, BotMode mode)
    {
        builder.Services.AddOneOnOneData();
        builder.Services.AddOneOnOneEngine();
        if (mode == BotMode.Console)
        {
            builder.Services.AddConsoleAdapter();
        }

        return builder;
    }
}
