using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Scheduling;

/// <summary>
/// Keeps how far the simulated clock runs ahead in the data file (the <see cref="SimulatedClock"/> row), so after
/// a restart the clock is where the data left it: never behind 1:1s already held or reminders already sent.
/// </summary>
/// <remarks>
/// As a hosted service it restores the clock at start. It is registered after the data layer's migrator, and
/// hosted services start in order, so the table exists by then; Quartz starts its jobs only once the host has
/// started, so no dispatch pass runs on the real time first.
/// </remarks>
public sealed class SimulatedClockKeeper(SimulatedTimeProvider clock, IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IOneOnOneStore>();
        var kept = await store.SimulatedClocks.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (kept is not null)
        {
            clock.CatchUp(kept.Ahead);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes the clock's current offset; called after every move.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IOneOnOneStore>();
        var kept = await store.SimulatedClocks.SingleOrDefaultAsync(cancellationToken);
        if (kept is null)
        {
            kept = new SimulatedClock();
            store.SimulatedClocks.Add(kept);
        }

        // The offset only grows, so a larger stored one (another console on the same file) is kept too.
        kept.Ahead = kept.Ahead > clock.Offset ? kept.Ahead : clock.Offset;
        await store.SaveChangesAsync(cancellationToken);
    }
}
