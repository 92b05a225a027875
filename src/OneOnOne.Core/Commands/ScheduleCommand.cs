using System.Globalization;
using System.Text.RegularExpressions;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>schedule &lt;person&gt; &lt;when&gt; [at &lt;place&gt;] [for &lt;minutes&gt;]</c>: sets the time and place,
/// then hands back an invitation draft and a calendar file.
/// </summary>
public sealed partial class ScheduleCommand(
    IOneOnOneStore store, PersonResolver resolver, PeopleDirectory directory, MeetingBook meetings, FollowUpSync followUps) : ICommand
{
    /// <summary>The guides' ceiling for a 1:1; longer ones tire both people.</summary>
    public const int LongMeetingMinutes = 60;

    public const int MaxMinutes = 240;

    /// <summary>The method suggests meeting within about two weeks of asking.</summary>
    public static readonly TimeSpan FarAhead = TimeSpan.FromDays(14);

    public string Name => "schedule";

    public CommandHelp Help { get; } = new(4, "schedule <person> <when> [at <place>] [for <minutes>]",
        "Set the time and place; I draft the invitation and a calendar file", "schedule Maria tue 18:30 at Cafe Luna for 40");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var (lookup, rest) = await resolver.FindLeadingAsync(context, arguments, ct);
        if (PersonReplies.Unresolved(lookup, "schedule", rest) is { } problem)
        {
            return problem;
        }

        var (person, mine) = (PersonLookup.Found)lookup;
        if (rest.Length == 0)
        {
            return Reply.WithText($"When would you like to meet {person.Name}? For example `schedule {person.Name} tomorrow 6pm at the library`.");
        }

        if (!TryReadWhen(rest, context, out var start, out var place, out var minutes, out var error))
        {
            return Reply.WithText(error);
        }

        if (start <= context.Now)
        {
            return Reply.WithText($"{Zones.Describe(start, context.Zone)} has already passed. When would suit you both?");
        }

        mine ??= await directory.EnsureMineAsync(context, person, ct);
        var meeting = await meetings.FindOpenAsync(context, person.Id, ct)
            ?? meetings.Create(context, person, await meetings.DefaultKindAsync(context, person.Id, ct));
        var previousStart = meeting.Status == MeetingStatus.Scheduled ? meeting.StartsAt : null;
        meeting.Status = MeetingStatus.Scheduled;
        meeting.StartsAt = start;
        meeting.DurationMinutes = minutes ?? (previousStart is null ? Meeting.DefaultMinutes : meeting.DurationMinutes);
        meeting.Place = place ?? meeting.Place;
        meeting.UpdatedAt = context.Now;
        await followUps.SyncAsync(meeting, context.Now, ct);
        await store.SaveChangesAsync(ct);

        return Confirmation(context, meeting, mine, previousStart);
    }

    private static Reply Confirmation(ConversationContext context, Meeting meeting, Relationship mine, DateTimeOffset? previousStart)
    {
        var when = Zones.Describe(meeting.StartsAt!.Value, context.Zone);
        var name = meeting.Person.Name;
        var reply = Reply.WithText(previousStart is { } before
            ? $"Moved your 1:1 with {name} from {Zones.Describe(before, context.Zone)} to {when}. Reminders moved with it."
            : $"Scheduled: {name}, {when}, {meeting.DurationMinutes} minutes{(meeting.Place is null ? string.Empty : $" at {meeting.Place}")}.");

        if (meeting.DurationMinutes > LongMeetingMinutes)
        {
            reply.Text($"That's over an hour. Most 1:1s take 30 to 45 minutes; a shorter one leaves them wanting more.");
        }

        if (meeting.StartsAt - context.Now > FarAhead)
        {
            reply.Text("That's more than two weeks away. Sooner keeps the momentum, if you can find a slot.");
        }

        if (meeting.Prep.CompletedAt is null)
        {
            reply.Text($"You haven't prepared yet: `plan {name}` takes five minutes.");
        }

        var invitation = InvitationDraft.Write(new InvitationDetails(
            name,
            context.Organizer.DisplayName,
            meeting.Prep.Connection ?? (mine.MetAt is null ? null : $"we met at {mine.MetAt}"),
            meeting.Prep.InvitationPurpose,
            Zones.ToLocal(meeting.StartsAt.Value, context.Zone),
            meeting.DurationMinutes,
            meeting.Place));
        reply.Text("Here's an invitation you could send, in your own words of course:").Text(invitation);

        var ics = CalendarInvite.Create(new CalendarInviteDetails(
            meeting.Id, $"1:1 with {name}", meeting.StartsAt.Value, meeting.DurationMinutes, meeting.Place, null, context.Now));
        return reply.File(new FileBlock($"one-on-one-{Slug(name)}.ics", "text/calendar", ics, $"Calendar file for your 1:1 with {name}"));
    }

    /// <summary>
    /// Reads "&lt;when&gt; [at &lt;place&gt;] [for &lt;minutes&gt;]". The time itself may contain "at"
    /// ("in 3 days at noon"), so the longest prefix that reads as a time wins and the rest is the place.
    /// </summary>
    private static bool TryReadWhen(
        string text, ConversationContext context, out DateTimeOffset start, out string? place, out int? minutes, out string error)
    {
        start = default;
        place = null;
        minutes = null;
        error = string.Empty;

        var length = LengthSuffix().Match(text);
        if (length.Success)
        {
            var value = int.Parse(length.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (value is < 5 or > MaxMinutes)
            {
                error = $"A 1:1 can last from 5 to {MaxMinutes} minutes; 30 to 45 is typical.";
                return false;
            }

            minutes = value;
            text = text[..length.Index].Trim();
        }

        var cuts = AtWord().Matches(text).Select(m => m.Index).Append(text.Length).OrderDescending();
        foreach (var cut in cuts)
        {
            var whenText = text[..cut].Trim();
            if (WhenParser.TryParse(whenText, context.LocalNow, out var local))
            {
                start = Zones.ToUtc(local, context.Zone);
                var remainder = text[cut..].Trim();
                place = remainder.Length == 0 ? null : AtWord().Replace(remainder, string.Empty, 1).Trim();
                if (place?.Length > 200)
                {
                    error = "That place name is very long; please keep it under 200 characters.";
                    return false;
                }

                return true;
            }
        }

        error = $"I couldn't read “{text}” as a date and time. Try one of these: " +
                string.Join(", ", WhenParser.Examples.Select(e => $"`{e}`")) +
                ". Add `at <place>` and `for <minutes>` if you like.";
        return false;
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    [GeneratedRegex(@"\s+for\s+(?<n>\d{1,4})\s*(m|min|mins|minutes)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LengthSuffix();

    [GeneratedRegex(@"(?<=\s|^)at\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AtWord();
}
