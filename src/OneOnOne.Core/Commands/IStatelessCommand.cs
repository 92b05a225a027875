using OneOnOne.Core.Dialogue;

namespace OneOnOne.Core.Commands;

/// <summary>
/// A command whose answer depends on no one's data, such as <c>help</c>. The engine answers it without
/// a database round trip, so the commonest first command costs next to nothing.
/// </summary>
public interface IStatelessCommand : ICommand
{
    Reply Answer(string arguments);

    Task<Reply> ICommand.ExecuteAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(arguments));
}
