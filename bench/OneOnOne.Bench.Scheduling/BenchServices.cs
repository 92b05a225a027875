using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Core;
using OneOnOne.Core.Messaging;
using OneOnOne.Data;
using OneOnOne.Scheduling;

namespace OneOnOne.Bench.Scheduling;

/// <summary>A clock that stands still, for passes that must all see the same minute.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The engine, the dispatchers and the DbContext over one SQLite file, composed as the tests' BotHarness does,
/// with a fixed clock and the counting messenger; each pass runs in its own scope, as the Quartz job does.
/// </summary>
internal static class BenchServices
{
    public static ServiceProvider Build(string path, TimeProvider clock, IPlatformMessenger? messenger,
        IReadOnlyDictionary<string, string?>? settings = null, params IInterceptor[] interceptors) =>
        Build(path, clock, messenger, settings, configure: null, interceptors);

    /// <param name="configure">Registrations on top, e.g. the console's simulated clock.</param>
    public static ServiceProvider Build(string path, TimeProvider clock, IPlatformMessenger? messenger,
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configure, params IInterceptor[] interceptors)
    {
        var values = new Dictionary<string, string?>
        {
            // The wall clock must not matter: no quiet hours.
            ["FollowUps:QuietHoursStart"] = "00:00",
            ["FollowUps:QuietHoursEnd"] = "00:00",
            ["Database:ConnectionString"] = BenchDatabase.ConnectionString(path),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock)
            .AddOneOnOneEngine()
            .AddOneOnOneData(interceptors)
            .AddOneOnOneDispatch();
        if (messenger is not null)
        {
            services.AddSingleton(messenger);
        }

        configure?.Invoke(services);

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
