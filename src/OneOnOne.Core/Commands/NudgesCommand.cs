using OneOnOne.Core.Engine;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>nudges off|on</c>: turn follow-up reminders off altogether, or back on.</summary>
public sealed class NudgesCommand(IOneOnOneStore store) : ICommand
{
    public string Name => "nudges";

    public CommandHelp Help { get; } = new(20, "nudges off|on", "Turn reminders off altogether, or back on", "nudges off");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var organizer = context.Organizer;
        switch (arguments.Trim().ToLowerInvariant())
        {
            case "off":
                organizer.NudgesOff = true;
                await store.SaveChangesAsync(ct);
                return Reply.WithText("Reminders are off. I'll still keep everything you record; `nudges on` brings them back.");
            case "on":
                organizer.NudgesOff = false;
                organizer.PausedUntil = null;
                await store.SaveChangesAsync(ct);
                return Reply.WithText("Reminders are on. I'll nudge you at the right moments, never at night.");
            default:
                return Reply.WithText($"Reminders are {(organizer.NudgesOff ? "off" : "on")}. Use `nudges off` or `nudges on`.");
        }
    }
}
