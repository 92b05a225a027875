using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>resume</c>: ends a pause early.</summary>
public sealed class ResumeCommand(IOneOnOneStore store) : ICommand
{
    public string Name => "resume";

    public CommandHelp Help { get; } = new(19, "resume", "End a pause: reminders come again", "resume");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var organizer = context.Organizer;
        var wasPaused = organizer.PausedUntil > context.Now;
        organizer.PausedUntil = null;
        await store.SaveChangesAsync(ct);
        return Reply.WithText(wasPaused ? "Welcome back! Reminders are on again." : "You weren't paused; reminders are on.");
    }
}
