using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>followup &lt;id&gt; &lt;action&gt;</c>: what the buttons under a follow-up do: done, snooze a day or a
/// week, not needed, and for "did you meet?": it moved, or it didn't happen.
/// </summary>
public sealed class FollowUpCommand(IOneOnOneStore store, FollowUpSync followUps, FlowRunner runner) : ICommand
{
    public string Name => "followup";

    public CommandHelp Help { get; } = new(21, "followup <id> done|snooze-day|snooze-week|dismiss",
        "Answer a reminder (its buttons do this for you)", "followup 12 snooze-day");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var (idText, action) = CommandLine.Split(arguments);
        var followUp = int.TryParse(idText, out var id)
            ? await store.FollowUps.Include(f => f.Person).Include(f => f.Meeting).ThenInclude(m => m!.Person)
                .Include(f => f.Meeting).ThenInclude(m => m!.Reflections)
                .SingleOrDefaultAsync(f => f.Id == id && f.OrganizerId == context.Organizer.Id, ct)
            : null;
        if (followUp is null)
        {
            return Reply.WithText("I couldn't find that reminder. `status` shows the ones coming up.");
        }

        return action.ToLowerInvariant() switch
        {
            "done" => await CloseAsync(followUp, FollowUpStatus.Done, "Marked done. Nice follow-through!", ct),
            "dismiss" => await CloseAsync(followUp, FollowUpStatus.Dismissed, "Okay, I'll let that one go.", ct),
            "snooze-day" => await SnoozeAsync(context, followUp, TimeSpan.FromDays(1), ct),
            "snooze-week" => await SnoozeAsync(context, followUp, TimeSpan.FromDays(7), ct),
            "moved" => await MoveAsync(context, followUp, ct),
            "missed" => await MissedAsync(context, followUp, ct),
            _ => Reply.WithText("That reminder button didn't make sense to me. Try `status`."),
        };
    }

    private async Task<Reply> CloseAsync(FollowUp followUp, FollowUpStatus status, string message, CancellationToken ct)
    {
        if (followUp.Status is FollowUpStatus.Pending or FollowUpStatus.Sent)
        {
            followUp.Status = status;
            await store.SaveChangesAsync(ct);
        }

        return Reply.WithText(message);
    }

    /// <summary>
    /// A reminder already sent stays sent (each is sent once); snoozing creates a fresh one later.
    /// A pending one simply moves.
    /// </summary>
    private async Task<Reply> SnoozeAsync(ConversationContext context, FollowUp followUp, TimeSpan by, CancellationToken ct)
    {
        var dueAt = context.Now + by;
        if (followUp.Status == FollowUpStatus.Pending)
        {
            followUp.DueAt = dueAt;
        }
        else
        {
            followUp.Status = followUp.Status == FollowUpStatus.Sent ? FollowUpStatus.Done : followUp.Status;
            store.FollowUps.Add(new FollowUp
            {
                OrganizerId = followUp.OrganizerId,
                PersonId = followUp.PersonId,
                MeetingId = followUp.MeetingId,
                Kind = followUp.Kind,
                DueAt = dueAt,
                Status = FollowUpStatus.Pending,
                CreatedAt = context.Now,
                SnoozedFromId = followUp.Id,
            });
        }

        await store.SaveChangesAsync(ct);
        return Reply.WithText($"I'll remind you again {(by.TotalDays >= 7 ? "in a week" : "tomorrow")}.");
    }

    private async Task<Reply> MoveAsync(ConversationContext context, FollowUp followUp, CancellationToken ct)
    {
        if (followUp.Meeting is not { } meeting)
        {
            return Reply.WithText("That reminder isn't about a particular 1:1.");
        }

        followUp.Status = FollowUpStatus.Done;
        await store.SaveChangesAsync(ct);
        return await runner.StartAsync(context, new FlowStart(MoveFlow.Name, meeting.PersonId, meeting.Id), ct);
    }

    private async Task<Reply> MissedAsync(ConversationContext context, FollowUp followUp, CancellationToken ct)
    {
        if (followUp.Meeting is not { Status: MeetingStatus.Scheduled } meeting)
        {
            return Reply.WithText("That 1:1 isn't on the calendar any more, so there's nothing to change.");
        }

        meeting.Status = MeetingStatus.Missed;
        meeting.UpdatedAt = context.Now;
        followUp.Status = FollowUpStatus.Done;
        await followUps.SyncAsync(meeting, context.Now, ct);
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"That happens. Want to find another time with {meeting.Person.Name}?")
            .Buttons(Payloads.Command("Pick a new time", $"followup {followUp.Id} moved"));
    }
}
