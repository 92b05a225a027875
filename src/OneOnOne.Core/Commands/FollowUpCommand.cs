using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>followup &lt;reference&gt; &lt;action&gt;</c>: what the buttons under a reminder do: done, snooze a day
/// or a week, not needed, and for "did you meet?": it moved, or it didn't happen. The reference is the one
/// each reminder shows (<c>#12</c>); <c>12</c> works too. Every answer names the reminder it acted on.
/// </summary>
public sealed class FollowUpCommand(IOneOnOneStore store, MeetingTransitions transitions, FlowRunner runner) : ICommand
{
    public string Name => "followup";

    public CommandHelp Help { get; } = new(21, "followup <#id> done|snooze-day|snooze-week|dismiss",
        "Answer a reminder by the #id it shows (its buttons do this for you)", "followup 12 snooze-day");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var (reference, action) = CommandLine.Split(arguments);
        if (!int.TryParse(reference.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Reply.WithText("Which reminder? Each one shows its reference, like `#12`: try `followup 12 done`. " +
                                  "`status` lists the ones coming up.");
        }

        var followUp = await store.FollowUps.Include(f => f.Person).Include(f => f.Meeting).ThenInclude(m => m!.Person)
            .Include(f => f.Meeting).ThenInclude(m => m!.Reflections)
            .SingleOrDefaultAsync(f => f.Id == id && f.OrganizerId == context.Organizer.Id, ct);
        if (followUp is null)
        {
            return Reply.WithText($"I couldn't find reminder {FollowUp.ReferenceOf(id)}. `status` shows the ones coming up.");
        }

        var title = FollowUpTitle.WithReference(followUp);
        return action.ToLowerInvariant() switch
        {
            "done" => await CloseAsync(followUp, FollowUpStatus.Done, $"Done: {title}. Nice follow-through!", ct),
            "dismiss" => await CloseAsync(followUp, FollowUpStatus.Dismissed, $"Okay, I'll let that one go: {title}.", ct),
            "snooze-day" => await SnoozeAsync(context, followUp, TimeSpan.FromDays(1), ct),
            "snooze-week" => await SnoozeAsync(context, followUp, TimeSpan.FromDays(7), ct),
            "moved" => await MoveAsync(context, followUp, ct),
            "missed" => await MissedAsync(context, followUp, ct),
            _ => Reply.WithText($"For {title} I can do `done`, `snooze-day`, `snooze-week` or `dismiss`; " +
                                $"“{action}” isn't one of them. Try `followup {id} done`."),
        };
    }

    /// <summary>A reminder already closed stays as it is, and the answer says so.</summary>
    private async Task<Reply> CloseAsync(FollowUp followUp, FollowUpStatus status, string message, CancellationToken ct)
    {
        if (!(followUp.IsOpen || followUp.WentOut))
        {
            return AlreadyClosed(followUp);
        }

        followUp.Status = status;
        await store.SaveChangesAsync(ct);
        return Reply.WithText(message);
    }

    /// <summary>
    /// A reminder already sent stays sent (each is sent once); snoozing creates a fresh one later, under
    /// its own reference. An open one (pending, or held while the bot waited for an answer) simply moves.
    /// A closed one (done, cancelled...) stays closed.
    /// </summary>
    private async Task<Reply> SnoozeAsync(ConversationContext context, FollowUp followUp, TimeSpan by, CancellationToken ct)
    {
        if (!(followUp.IsOpen || followUp.WentOut))
        {
            return AlreadyClosed(followUp);
        }

        var dueAt = context.Now + by;
        FollowUp? copy = null;
        if (followUp.IsOpen)
        {
            followUp.DueAt = dueAt;
            followUp.Status = FollowUpStatus.Pending;
        }
        else
        {
            followUp.Status = FollowUpStatus.Done;
            copy = store.FollowUps.Add(new FollowUp
            {
                OrganizerId = followUp.OrganizerId,
                PersonId = followUp.PersonId,
                MeetingId = followUp.MeetingId,
                Kind = followUp.Kind,
                DueAt = dueAt,
                Status = FollowUpStatus.Pending,
                CreatedAt = context.Now,
                SnoozedFromId = followUp.Id,
            }).Entity;
        }

        await store.SaveChangesAsync(ct);
        var comesBackAs = copy is null ? string.Empty : $" It comes back as {copy.Reference}.";
        return Reply.WithText($"I'll remind you again {(by.TotalDays >= 7 ? "in a week" : "tomorrow")}: " +
                              $"{FollowUpTitle.WithReference(followUp)}.{comesBackAs}");
    }

    private async Task<Reply> MoveAsync(ConversationContext context, FollowUp followUp, CancellationToken ct)
    {
        if (followUp.Meeting is not { } meeting)
        {
            return Reply.WithText($"{Capitalized(FollowUpTitle.WithReference(followUp))} isn't about a particular 1:1.");
        }

        followUp.Status = FollowUpStatus.Done;
        await store.SaveChangesAsync(ct);
        return await runner.StartAsync(context, new FlowStart(MoveFlow.Name, meeting.PersonId, meeting.Id), ct);
    }

    private async Task<Reply> MissedAsync(ConversationContext context, FollowUp followUp, CancellationToken ct)
    {
        var title = FollowUpTitle.WithReference(followUp);
        if (followUp.Meeting is not { } meeting)
        {
            return Reply.WithText($"{Capitalized(title)} isn't about a particular 1:1.");
        }

        if (meeting.Status != MeetingStatus.Scheduled)
        {
            var already = meeting.Status switch
            {
                MeetingStatus.Missed => "is already noted as not having happened",
                MeetingStatus.Held => "is already marked held",
                MeetingStatus.Cancelled => "was already called off",
                _ => "isn't on the calendar",
            };
            return Reply.WithText($"Your 1:1 with {meeting.Person.Name} {already}, so I changed nothing ({followUp.Reference}).");
        }

        if (followUp.IsOpen || followUp.WentOut)
        {
            followUp.Status = FollowUpStatus.Done;
        }

        var update = await transitions.MarkMissedAsync(meeting, context.Now, ct);
        var when = update.Change.PreviousStart is { } start ? $" ({Zones.Describe(start, context.Zone, context.Now)})" : string.Empty;
        return Reply.WithText($"Noted: your 1:1 with {meeting.Person.Name}{when} didn't happen ({followUp.Reference}). " +
                              $"That happens. Want to find another time with {meeting.Person.Name}?")
            .Buttons(Payloads.Command("Pick a new time", FollowUpMessages.FollowUpCommand(followUp.Id, "moved")));
    }

    private static Reply AlreadyClosed(FollowUp followUp) =>
        Reply.WithText($"{Capitalized(FollowUpTitle.WithReference(followUp))} is already {Closed(followUp.Status)}; nothing to change.");

    private static string Closed(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Done => "done",
        FollowUpStatus.Dismissed => "set aside as not needed",
        FollowUpStatus.Cancelled => "cancelled (its 1:1 changed)",
        FollowUpStatus.Dropped => "dropped (it came too late to be useful)",
        _ => "under way",
    };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
