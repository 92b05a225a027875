using OneOnOne.Core.Dialogue;

namespace OneOnOne.Core.Commands;

public sealed class HelpCommand(CommandIndex commands) : IStatelessCommand
{
    public string Name => "help";

    public CommandHelp Help { get; } = new(0, "help", "Show this list.", "help");

    public Reply Answer(string arguments)
    {
        return new Reply()
            .Header("What I can do")
            .Text("I help you prepare, hold and follow up relational 1:1s. Start with your list, then plan, schedule, meet and reflect. " +
                  "New to 1:1s? `guide` shows the method at a glance.")
            .Text(commands.HelpLines)
            .Text("While I'm asking you questions, just type your answer; `skip` leaves an optional one out and `cancel` stops.");
    }
}
