using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Settings;

namespace OneOnOne.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>Talks to the bot through this process's terminal (or a piped script).</summary>
    public static IServiceCollection AddConsoleAdapter(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindSettings(ConsoleOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        services.TryAddSingleton(_ => ConsoleIo.FromSystemConsole());

        // Standard output is the conversation now; logs go to standard error so a piped
        // transcript holds only what the bot said.
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // The welcome already says how to leave; "Press Ctrl+C to shut down" would only crowd the prompt.
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        services.TryAddSingleton<ConsoleSession>();
        services.AddSingleton<IPlatformMessenger, ConsoleMessenger>();
        services.AddSingleton<IPlatformChannelCheck, ConsoleChannelCheck>();
        services.AddHostedService<ConsoleAdapter>();
        return services;
    }
}
