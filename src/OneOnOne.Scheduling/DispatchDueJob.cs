using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace OneOnOne.Scheduling;

/// <summary>
/// The Quartz job that is the bot's clock: every pass sends what has fallen due. Never concurrent with
/// itself, in one process or (with the clustered store) across several.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchDueJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("dispatch-due", "oneonone");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DueWork>().RunAsync(cancellationToken);
    }
}
