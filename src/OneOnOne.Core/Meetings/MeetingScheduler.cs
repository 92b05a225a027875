using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Meetings;

/// <summary>
/// Puts a 1:1 on the calendar (or moves it), re-plans its follow-ups, and hands back the confirmation
/// with an invitation draft and a calendar file. Used by <c>schedule</c> and by "it moved" answers.
/// </summary>
public sealed class MeetingScheduler(IOneOnOneStore store, MeetingBook book, MeetingTransitions transitions)
{
    /// <summary>The method suggests meeting within about two weeks of asking.</summary>
    public static readonly TimeSpan FarAhead = TimeSpan.FromDays(14);

    /// <remarks>
    /// A held or called-off 1:1 is history and keeps its record (a held one counts toward the goal):
    /// "a new date" for it books the person's open 1:1, or a new one.
    /// </remarks>
    /// <summary>What <c>schedule</c> does: books the person's open 1:1, or a new one, at <paramref name="start"/>.</summary>
    public async Task<Reply> BookAsync(
        ConversationContext context, Person person, Relationship mine, DateTimeOffset start, int? minutes, string? place, CancellationToken ct)
    {
        var meeting = await book.FindOpenAsync(context, person.Id, ct)
            ?? book.Create(context, person, await book.DefaultKindAsync(context, person.Id, ct));
        return await ScheduleAsync(context, meeting, mine, start, minutes, place, ct);
    }

    public async Task<Reply> ScheduleAsync(
        ConversationContext context, Meeting meeting, Relationship mine, DateTimeOffset start, int? minutes, string? place, CancellationToken ct)
    {
        if (start <= context.Now)
        {
            return Reply.WithText($"{Zones.Describe(start, context.Zone, context.Now)} has already passed. When would suit you both?");
        }

        if (!meeting.CanBeScheduled)
        {
            meeting = await book.FindOpenAsync(context, meeting.PersonId, ct)
                ?? book.Create(context, meeting.Person, await book.DefaultKindAsync(context, meeting.PersonId, ct));
        }

        var isMove = meeting.Status == MeetingStatus.Scheduled;
        (string? Place, int Minutes)? before = isMove ? (meeting.Place, meeting.DurationMinutes) : null;
        var update = await transitions.ScheduleAsync(
            meeting, start, minutes ?? (isMove ? meeting.DurationMinutes : Meeting.DefaultMinutes), place ?? meeting.Place, context.Now, ct);
        var invitation = new Invitation(
            await book.HasHeldAsync(context, meeting.PersonId, ct), await ReferrerNameAsync(mine, ct));
        return Confirmation(context, meeting, mine, update.Change.PreviousStart, before, invitation);
    }

    /// <summary>Who referred them, by this organizer's own record only: another organizer's referral is theirs.</summary>
    private async Task<string?> ReferrerNameAsync(Relationship mine, CancellationToken ct) =>
        mine.ReferredBy?.Name ?? (mine.ReferredByPersonId is { } id
            ? await store.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct)
            : null);

    /// <summary>What the invitation draft needs beyond the meeting: whether they've met, and who referred them.</summary>
    private sealed record Invitation(bool MetBefore, string? ReferredBy);

    private static Reply Confirmation(
        ConversationContext context, Meeting meeting, Relationship mine, DateTimeOffset? previousStart,
        (string? Place, int Minutes)? previousSetup, Invitation invitation)
    {
        var when = Zones.Describe(meeting.StartsAt!.Value, context.Zone, context.Now);
        var name = meeting.Person.Name;
        var reply = Reply.WithText(previousStart is { } before
            ? $"Moved your 1:1 with {name} from {Zones.Describe(before, context.Zone, context.Now)} to {when}. Reminders moved with it."
            : $"Scheduled: {name}, {when}, {meeting.DurationMinutes} minutes{(meeting.Place is null ? string.Empty : $" at {meeting.Place}")}.");

        foreach (var note in MeetingSetupAdvice.Notes(meeting.Place, meeting.DurationMinutes, previousSetup))
        {
            reply.Text(note);
        }

        if (meeting.StartsAt - context.Now > FarAhead)
        {
            reply.Text("That's more than two weeks away. Sooner keeps the momentum, if you can find a slot.");
        }

        if (meeting.Prep.CompletedAt is null)
        {
            reply.Text($"You haven't prepared yet: `plan {name}` takes five minutes.");
        }

        var draft = InvitationDraft.Write(new InvitationDetails(
            name,
            context.Organizer.OwnName,
            meeting.Prep.Connection ?? (mine.MetAt is null ? null : $"we met at {mine.MetAt}"),
            meeting.Prep.InvitationPurpose,
            Zones.ToLocal(meeting.StartsAt.Value, context.Zone),
            meeting.DurationMinutes,
            meeting.Place,
            invitation.MetBefore,
            invitation.ReferredBy));
        reply.Text("Here's an invitation you could send, in your own words of course:").Text(draft);

        var ics = CalendarInvite.Create(new CalendarInviteDetails(
            meeting.Id, $"1:1 with {name}", meeting.StartsAt.Value, meeting.DurationMinutes, meeting.Place, null, context.Now));
        return reply.File(new FileBlock($"one-on-one-{Slug(name)}.ics", "text/calendar", ics, $"Calendar file for your 1:1 with {name}"));
    }

    /// <summary>"José Núñez" → "jose-nunez": the name as matched (no accents, lower case), safe in any file system.</summary>
    private static string Slug(string name) =>
        string.Join('-', new string(Person.Normalize(name).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
