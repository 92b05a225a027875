using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Engine;

namespace OneOnOne.Core.Commands;

public sealed class HelpCommand(IServiceProvider services) : IStatelessCommand
{
    public string Name => "help";

    public CommandHelp Help { get; } = new(0, "help", "Show this list.", "help");

    public Reply Answer(string arguments)
    {
        // Resolved lazily: the command list includes this command.
        var commands = services.GetServices<ICommand>().OrderBy(c => c.Help.Order);
        var lines = commands.Select(c => $"• `{c.Help.Usage}`: {c.Help.Purpose} (e.g. `{c.Help.Example}`)");
        return new Reply()
            .Header("What I can do")
            .Text("I help you prepare, hold and follow up relational 1:1s. Start with your list, then plan, schedule, meet and reflect.")
            .Text(string.Join('\n', lines))
            .Text("While I'm asking you questions, just type your answer; `skip` leaves an optional one out and `cancel` stops.");
    }
}
