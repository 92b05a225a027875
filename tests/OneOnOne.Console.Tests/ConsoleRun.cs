using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneOnOne.Core.Engine;

namespace OneOnOne.Console.Tests;

/// <summary>Runs the real host with the console adapter over a script, as the process would be run.</summary>
internal sealed class ConsoleRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public required string Output { get; init; }

    /// <summary>True when the adapter itself stopped the application (rather than the test giving up).</summary>
    public required bool StoppedByAdapter { get; init; }

    public required int EngineScopes { get; init; }

    public static async Task<ConsoleRun> RunAsync(
        FakeEngine engine,
        string script,
        bool interactive = false,
        string? user = null,
        string? filesDirectory = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Configuration["Console:User"] = user;
        builder.Configuration["Console:FilesDirectory"] = filesDirectory ?? TempDirectory.Create();

        var output = new StringWriter();
        var scopes = 0;
        builder.Services.AddSingleton(new ConsoleIo(new StringReader(script), output, interactive));
        builder.Services.AddScoped<IConversationEngine>(_ =>
        {
            Interlocked.Increment(ref scopes);
            return engine;
        });
        builder.Services.AddConsoleAdapter();
        configure?.Invoke(builder.Services);

        using var host = builder.Build();
        var stopping = new TaskCompletionSource();
        host.Services.GetRequiredService<IHostApplicationLifetime>()
            .ApplicationStopping.Register(() => stopping.TrySetResult());

        await host.StartAsync();
        var finished = await Task.WhenAny(stopping.Task, Task.Delay(Patience));
        await host.StopAsync();

        return new ConsoleRun
        {
            Output = output.ToString().ReplaceLineEndings("\n"),
            StoppedByAdapter = finished == stopping.Task,
            EngineScopes = scopes,
        };
    }
}

internal static class TempDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "oneonone-console-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
