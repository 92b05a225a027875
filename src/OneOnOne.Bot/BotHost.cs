using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OneOnOne.Bot;

/// <summary>
/// Builds the bot's host for the mode its settings ask for. Tests call this too, with their settings
/// as overrides, so they run exactly the composition a real start runs.
/// </summary>
public static class BotHost
{
    /// <param name="configure">Tests only: runs after the bot's own registrations (e.g. to capture logs).</param>
    public static IHost Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var forceConsole = args.Any(a => string.Equals(a, BotModes.ConsoleFlag, StringComparison.OrdinalIgnoreCase));

        // The host's command-line reader would not understand the bare flag.
        var hostArgs = args.Where(a => !string.Equals(a, BotModes.ConsoleFlag, StringComparison.OrdinalIgnoreCase)).ToArray();

        var settings = PeekSettings(hostArgs, overrides);
        if (BotModes.Choose(settings, forceConsole) is var mode && mode.ServesHttp(settings))
        {
            var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
            Override(web.Configuration, overrides);
            web.AddOneOnOneBot(mode);
            configure?.Invoke(web);
            var app = web.Build();
            app.MapOneOnOneEndpoints(mode);
            return app;
        }

        // Settings ship next to the binary; data paths stay relative to where the bot is started.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        Override(builder.Configuration, overrides);
        builder.AddOneOnOneBot(mode);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>The settings as the host will see them, read early to choose the mode.</summary>
    private static IConfiguration PeekSettings(string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        Override(settings, overrides);
        return settings.Build();
    }

    private static void Override(IConfigurationBuilder configuration, IReadOnlyDictionary<string, string?>? overrides)
    {
        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }
}
