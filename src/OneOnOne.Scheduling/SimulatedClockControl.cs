using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Time;

namespace OneOnOne.Scheduling;

/// <summary>
/// The console's <c>/clock</c>: moves the simulated clock in small steps and runs the due work at each,
/// so reminders arrive in order and on time along the way, as they would have in real time. Each move is kept
/// in the data file, so a restart does not take the clock back.
/// </summary>
public sealed class SimulatedClockControl(SimulatedTimeProvider clock, SimulatedClockKeeper keeper, IServiceScopeFactory scopes) : IClockControl
{
    /// <summary>About as often as the real dispatch job would look, coarse enough to cross a week quickly.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var remaining = by; remaining > TimeSpan.Zero; remaining -= Step)
            {
                clock.Advance(remaining < Step ? remaining : Step);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DueWork>().RunAsync(cancellationToken);
            }

            return clock.GetUtcNow();
        }
        finally
        {
            try
            {
                // Even a move cut short is kept: what it delivered on the way must not end up in the future.
                await keeper.SaveAsync(CancellationToken.None);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
