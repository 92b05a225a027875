using OneOnOne.Core.Dialogue;

namespace OneOnOne.Core.Commands;

/// <summary>One <c>/one-on-one</c> subcommand.</summary>
public interface ICommand
{
    /// <summary>The word that invokes it, lower case.</summary>
    string Name { get; }

    CommandHelp Help { get; }

    /// <param name="arguments">Everything after the subcommand word, trimmed.</param>
    Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct);
}

/// <summary>How a command appears in <c>help</c>, in the order given by <see cref="Order"/>.</summary>
public sealed record CommandHelp(int Order, string Usage, string Purpose, string Example);
