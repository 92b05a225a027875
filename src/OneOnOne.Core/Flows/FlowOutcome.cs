using OneOnOne.Core.Dialogue;

namespace OneOnOne.Core.Flows;

/// <summary>What a completed flow says, and optionally the flow that should start right after it.</summary>
public sealed record FlowOutcome(Reply Reply, FlowStart? Next = null);

/// <summary>A request to start a flow about a person and, where there is one, a meeting.</summary>
/// <param name="Answers">What the organizer already said, e.g. the place typed with <c>schedule</c>; the flow keeps it.</param>
public sealed record FlowStart(string Flow, int? PersonId, int? MeetingId, IReadOnlyDictionary<string, string?>? Answers = null);
