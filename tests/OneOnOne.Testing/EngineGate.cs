using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Testing;

/// <summary>
/// Holds every inbound at the engine's door until <see cref="Open"/>: lets a test stop a host while an
/// acknowledged inbound is still being handled, as a crash would find it.
/// </summary>
public sealed class EngineGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first inbound reaches the gate.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _open.TrySetResult();

    /// <summary>Puts the gate in front of the real engine; call last, so it replaces the engine's own registration.</summary>
    public void Install(IServiceCollection services) =>
        services.AddScoped<IConversationEngine>(provider => new GatedEngine(ActivatorUtilities.CreateInstance<ConversationEngine>(provider), this));

    private sealed class GatedEngine(IConversationEngine engine, EngineGate gate) : IConversationEngine
    {
        public async Task<IReadOnlyList<Outbound>> HandleAsync(Inbound inbound, CancellationToken cancellationToken = default)
        {
            gate._reached.TrySetResult();
            await gate._open.Task.WaitAsync(cancellationToken);
            return await engine.HandleAsync(inbound, cancellationToken);
        }

        public IReadOnlyList<Outbound>? TryAnswerAtOnce(Inbound inbound) => engine.TryAnswerAtOnce(inbound);

        public Task<IReadOnlyList<Outbound>> ResumeAsync(Address organizer, CancellationToken cancellationToken = default) =>
            engine.ResumeAsync(organizer, cancellationToken);
    }
}
