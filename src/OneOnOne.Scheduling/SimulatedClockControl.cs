using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Time;

namespace OneOnOne.Scheduling;

/// <summary>
/// The console's <c>/clock</c>: moves the simulated clock straight from one due moment to the next (as the
/// dispatchers report them) and runs the due work at each, so reminders and digests arrive in order and at the
/// time they would have in real time, and a year takes a few hundred passes rather than one per quarter hour.
/// Each move is kept in the data file, so a restart does not take the clock back.
/// </summary>
public sealed class SimulatedClockControl(SimulatedTimeProvider clock, SimulatedClockKeeper keeper, IServiceScopeFactory scopes) : IClockControl, IDisposable
{
    /// <summary>
    /// When a pass leaves something due (a batch that was full, say), the next pass comes this much later, as the
    /// real dispatch job would look again; it also means a move always ends.
    /// </summary>
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public DateTimeOffset Now => clock.GetUtcNow();

    public void Dispose() => _gate.Dispose();

    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken) =>
        (await MoveAsync(by, cancellationToken)).Now;

    public async Task<ClockMove> MoveAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var target = clock.GetUtcNow() + by;
            var passes = 0;
            DateTimeOffset? lastPass = null;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var work = scope.ServiceProvider.GetRequiredService<DueWork>();
                var now = clock.GetUtcNow();
                var at = await work.NextDueAsync(cancellationToken) ?? target;
                if (lastPass is { } last && at <= last)
                {
                    at = last + LookAgainAfter;
                }

                at = at < now ? now : at > target ? target : at;
                clock.Advance(at - now);
                await work.RunAsync(cancellationToken);
                passes++;
                lastPass = at;
                if (at >= target)
                {
                    return new ClockMove(clock.GetUtcNow(), passes);
                }
            }
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

/// <summary>Where a move left the clock, and how many passes of due work it took to get there.</summary>
public sealed record ClockMove(DateTimeOffset Now, int Passes);
