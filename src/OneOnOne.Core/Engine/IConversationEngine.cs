using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Engine;

/// <summary>The one entry point adapters call: an organizer did something, what do we say back?</summary>
public interface IConversationEngine
{
    /// <summary>
    /// Handles one inbound and returns the messages to deliver, in order. Never throws for bad input:
    /// problems come back as friendly messages.
    /// </summary>
    Task<IReadOnlyList<Outbound>> HandleAsync(Inbound inbound, CancellationToken cancellationToken = default);
}
