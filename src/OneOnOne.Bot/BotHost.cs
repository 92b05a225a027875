using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneOnOne.Bot.Settings;

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

        // One configuration, read once by the host's own defaults (appsettings and appsettings.{Environment}.json, user
        // secrets in Development, environment variables, the command line, and any provider added there), decides the
        // mode and then runs the bot. Settings ship next to the binary; data paths stay relative to where the bot is started.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddSecretFiles();
        Override(builder.Configuration, overrides);
        var mode = BotModes.Choose(builder.Configuration, forceConsole);
        var servesHttp = mode.ServesHttp(builder.Configuration);
        if (servesHttp)
        {
            var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });

            // The web host reads the same defaults (and ASPNETCORE_ variables, for Urls); the configuration that chose the
            // mode goes on top, so whatever it says wins here too.
            web.Configuration.AddConfiguration(builder.Configuration);
            Compose(web, mode, servesHttp, configure);
            var app = web.Build();
            app.MapOneOnOneEndpoints(mode);
            return app;
        }

        Compose(builder, mode, servesHttp, configure);
        return builder.Build();
    }

    private static void Compose(IHostApplicationBuilder builder, BotMode mode, bool servesHttp, Action<IHostApplicationBuilder>? configure)
    {
        // A failed start is reported once, as one line, by StartupReport; the host would log it again with its stack trace.
        // Only its "Hosting failed to start" and "BackgroundService failed" are errors here; the critical line for a
        // background service that stops the host, exception included, still shows.
        builder.Logging.AddFilter(HostLogCategory, LogLevel.Critical);
        builder.AddOneOnOneBot(mode);
        builder.AddOneOnOneOperations(servesHttp);
        configure?.Invoke(builder);
    }

    private const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static void Override(IConfigurationBuilder configuration, IReadOnlyDictionary<string, string?>? overrides)
    {
        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }
}
