using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OneOnOne.Bot.Tests;

/// <summary>How <see cref="BotRun"/> ends a start that doesn't finish: quietly when asked to stop, in one line when it fails.</summary>
public sealed class StartupStopTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oneonone-stop-{Guid.NewGuid():N}");

    public StartupStopTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task A_stop_asked_for_while_the_scheduler_starts_ends_quietly_with_exit_code_0()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "bot.db")}",
            ["Bot:DefaultTimeZone"] = "UTC",
            ["Logging:LogLevel:Default"] = "Critical",
        };
        using var errors = new StringWriter();

        // As when a piped script ends (or Ctrl+C comes) just as Quartz starts: the stop lands right before it.
        var exitCode = await BotRun.RunAsync(
            () => BotHost.Build([BotModes.ConsoleFlag], settings, builder => StopBeforeQuartz(builder.Services)),
            errors);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task An_unexpected_failure_is_one_line_with_how_to_see_details_and_exit_code_1()
    {
        using var errors = new StringWriter();

        var exitCode = await BotRun.RunAsync(() => throw new InvalidOperationException("Something odd\nhappened"), errors);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"The bot can't start: Something odd happened (InvalidOperationException). {StartupReport.DetailsHint}{Environment.NewLine}",
            errors.ToString());
    }

    private static void StopBeforeQuartz(IServiceCollection services)
    {
        var quartz = services.Select((descriptor, index) => (descriptor, index))
            .First(d => d.descriptor.ServiceType == typeof(IHostedService) && d.descriptor.ImplementationType?.Name == "QuartzHostedService").index;
        services.Insert(quartz, ServiceDescriptor.Singleton<IHostedService, StopsTheApplication>());
    }

    private sealed class StopsTheApplication(IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
