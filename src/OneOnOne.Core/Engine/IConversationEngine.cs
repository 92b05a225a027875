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

    /// <summary>
    /// The answer to an inbound that needs nothing stored read or changed (help, an unknown word, a blank
    /// command), the same <see cref="HandleAsync"/> would give; null when it needs more. An adapter that can send
    /// this answer in the acknowledgement itself need not keep the inbound anywhere first.
    /// </summary>
    IReadOnlyList<Outbound>? TryAnswerAtOnce(Inbound inbound);

    /// <summary>
    /// For an adapter that opens the conversation itself, before the organizer does anything (the console
    /// at start-up): the question an earlier run of the bot left waiting, with a welcome back, or nothing
    /// when nothing waits. Never throws for a problem of the bot's: then it returns nothing.
    /// </summary>
    Task<IReadOnlyList<Outbound>> ResumeAsync(Address organizer, CancellationToken cancellationToken = default);
}
