using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;

namespace OneOnOne.Core.Flows;

/// <summary>A flow definition and what to do with its answers once the last question is answered.</summary>
public interface IFlow
{
    FlowDefinition Definition { get; }

    /// <summary>Applies the answers to the domain and says what happened.</summary>
    Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken cancellationToken);
}
