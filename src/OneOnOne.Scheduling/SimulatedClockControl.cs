using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Time;

namespace OneOnOne.Scheduling;

/// <summary>The console's <c>/clock</c>: moves the simulated clock and delivers what fell due on the way.</summary>
public sealed class SimulatedClockControl(SimulatedTimeProvider clock, IServiceScopeFactory scopes) : IClockControl
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            clock.Advance(by);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DueWork>().RunAsync(cancellationToken);
            return clock.GetUtcNow();
        }
        finally
        {
            _gate.Release();
        }
    }
}
