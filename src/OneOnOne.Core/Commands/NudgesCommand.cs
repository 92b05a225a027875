using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>nudges off|on</c>: turn follow-up reminders off altogether, or back on. Also the answers to
/// "pause for a while?": the reply says what happens to the reminders held while the bot waited.
/// </summary>
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
                return Reply.WithText("Reminders are off. I'll still keep everything you record; `nudges on` brings them back." +
                                      HeldNote(await HeldAsync(context, ct), "won't come either"));
            case "on":
                organizer.NudgesOff = false;
                organizer.PausedUntil = null;
                await store.SaveChangesAsync(ct);
                var held = await HeldAsync(context, ct);
                var reply = Reply.WithText("Reminders are on. I'll nudge you at the right moments, never at night." +
                                           HeldNote(held, held.Count == 1 ? "comes now, if it's still useful" : "come now, the ones still useful"));
                return held.Count == 0
                    ? reply
                    : reply.Text(string.Join('\n', held.Select(f => $"• {FollowUpTitle.WithReference(f)}")));
            default:
                return Reply.WithText($"Reminders are {(organizer.NudgesOff ? "off" : "on")}. Use `nudges off` or `nudges on`.");
        }
    }

    private Task<List<FollowUp>> HeldAsync(ConversationContext context, CancellationToken ct) =>
        store.FollowUps.Include(f => f.Person).Include(f => f.Meeting).ThenInclude(m => m!.Person)
            .Where(f => f.OrganizerId == context.Organizer.Id && f.Status == FollowUpStatus.Held)
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id)
            .ToListAsync(ct);

    private static string HeldNote(IReadOnlyList<FollowUp> held, string what) => held.Count switch
    {
        0 => string.Empty,
        1 => $" The reminder I held while waiting for your answer {what}.",
        var n => $" The {n} reminders I held while waiting for your answer {what}.",
    };
}
