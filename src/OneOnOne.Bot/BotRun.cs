using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Bot;

/// <summary>
/// Runs the bot the way <c>Program</c> does: a failed start ends as one <see cref="StartupReport"/> on standard error and
/// exit code 1; a stop asked for while starting (Ctrl+C, a piped script that already ended) ends quietly with 0.
/// </summary>
public static class BotRun
{
    public static async Task<int> RunAsync(Func<IHost> build, TextWriter errors)
    {
        IHost? host = null;
        try
        {
            host = build();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            try
            {
                await host.StartAsync();
            }
            catch (Exception exception) when (lifetime.ApplicationStopping.IsCancellationRequested && IsCancellation(exception))
            {
                return 0;
            }

            await host.WaitForShutdownAsync();
            return 0;
        }
        catch (Exception exception)
        {
            await errors.WriteLineAsync(StartupReport.Describe(exception, WantsDetails(host)));
            return 1;
        }
        finally
        {
            switch (host)
            {
                case IAsyncDisposable disposable:
                    await disposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static bool IsCancellation(Exception exception) => exception switch
    {
        OperationCanceledException => true,
        AggregateException many => many.InnerExceptions.All(IsCancellation),
        _ => false,
    };

    /// <summary>Whether the operator followed <see cref="StartupReport.DetailsHint"/>.</summary>
    private static bool WantsDetails(IHost? host)
    {
        // Without a host (it could not even be built) the environment variable the hint names is all there is to go by.
        var level = host?.Services.GetService<IConfiguration>()?["Logging:LogLevel:Default"]
                    ?? Environment.GetEnvironmentVariable("Logging__LogLevel__Default");
        return Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) && parsed <= LogLevel.Debug;
    }
}
