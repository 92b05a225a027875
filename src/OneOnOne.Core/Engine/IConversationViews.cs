using OneOnOne.Core.Flows;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Engine;

/// <summary>
/// The read side of the engine's door (<see cref="IConversationEngine"/> is the conversing side): what an
/// adapter may read to draw a platform's own surfaces (a form, a home tab) or to address an input.
/// Adapters ask here, never the database. Nothing here changes anything.
/// </summary>
public interface IConversationViews
{
    /// <summary>Every flow as data: the same questions a DM asks one at a time are what a form shows at once.</summary>
    IReadOnlyList<FlowDefinition> Flows { get; }

    /// <summary>
    /// The form for flow run <paramref name="flowRunId"/>: its flow and the person it is about, when the run
    /// still waits for answers and is <paramref name="asker"/>'s own; otherwise (closed, someone else's, in
    /// another workspace, unknown) null.
    /// </summary>
    Task<FormView?> DescribeFormAsync(Address asker, int flowRunId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The workspace where <paramref name="user"/> last talked to the bot on <paramref name="platform"/>, for an
    /// input that comes with none (a DM on Discord); null for someone the bot has never heard from there.
    /// </summary>
    Task<string?> FindHomeWorkspaceAsync(string platform, string user, CancellationToken cancellationToken = default);

    /// <summary>
    /// What a home page shows <paramref name="organizer"/>: where they are and their people, the engine's own
    /// <c>status</c> and <c>people</c> answers; a welcome for someone the bot has never heard from.
    /// </summary>
    Task<HomeView> DescribeHomeAsync(Address organizer, CancellationToken cancellationToken = default);
}

/// <summary>A flow run an organizer may answer as a form: its questions, and the name that fills their <c>{person}</c>.</summary>
public sealed record FormView(FlowDefinition Flow, string? PersonName);

/// <summary>A home page's two parts, as neutral blocks: where the organizer is, and their people. Either may be empty.</summary>
public sealed record HomeView(IReadOnlyList<Block> Status, IReadOnlyList<Block> People);
