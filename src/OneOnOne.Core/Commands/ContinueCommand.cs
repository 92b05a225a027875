using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Flows;

namespace OneOnOne.Core.Commands;

/// <summary><c>continue</c>: asks the waiting question again, e.g. after a break or a restart.</summary>
public sealed class ContinueCommand(FlowRunner runner) : ICommand
{
    public string Name => "continue";

    public CommandHelp Help { get; } = new(13, "continue", "Pick up the questions where you left off", "continue");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct) =>
        await runner.FindActiveAsync(context.Organizer.Id, ct) is { } run
            ? await runner.RepeatAsync(run, ct)
            : Reply.WithText("Nothing is waiting for an answer. Type `status` to see where you are.");
}
