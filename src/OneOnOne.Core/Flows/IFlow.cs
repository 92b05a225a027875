using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Flows;

/// <summary>A flow definition and what to do with its answers once the last question is answered.</summary>
public interface IFlow
{
    /// <summary>What leaving a flow means when the flow itself changes nothing before its last answer.</summary>
    const string NothingChanged = "Nothing else changed; you can start it again any time.";

    FlowDefinition Definition { get; }

    /// <summary>Applies the answers to the domain and says what happened.</summary>
    Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken ct);

    /// <summary>
    /// Said when the organizer leaves before the last answer: what stays as it is. A flow changes nothing
    /// until <see cref="CompleteAsync"/>, so by default nothing did; a flow started right after something
    /// was recorded (a 1:1 marked held, say) must say that it stays.
    /// </summary>
    Task<string> WhatStaysWhenLeftAsync(ConversationContext context, FlowRun run, CancellationToken ct) =>
        Task.FromResult(NothingChanged);

    /// <summary>
    /// What the bot already holds for an optional question (recorded elsewhere, before this flow), shown with the
    /// question so the organizer keeps it with <c>skip</c> instead of typing it again. Null when nothing is held.
    /// </summary>
    Task<string?> AlreadyKnownAsync(FlowRun run, Question question, CancellationToken ct) =>
        Task.FromResult<string?>(null);
}
