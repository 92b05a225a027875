using System.Globalization;
using System.Text.RegularExpressions;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>schedule &lt;person&gt; &lt;when&gt; [at &lt;place&gt;] [for &lt;minutes&gt;]</c>: sets the time and place,
/// then hands back an invitation draft and a calendar file.
/// </summary>
public sealed partial class ScheduleCommand(
    PersonResolver resolver, PeopleDirectory directory, MeetingBook meetings, MeetingScheduler scheduler) : ICommand
{
    public const int MaxMinutes = 240;

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

        if (!TryReadWhen(rest, $"schedule {person.Name}", context, out var start, out var place, out var minutes, out var other, out var error))
        {
            return Reply.WithText(error);
        }

        mine ??= await directory.EnsureMineAsync(context, person, ct);
        var meeting = await meetings.FindOpenAsync(context, person.Id, ct)
            ?? meetings.Create(context, person, await meetings.DefaultKindAsync(context, person.Id, ct));
        var reply = await scheduler.ScheduleAsync(context, meeting, mine, start, minutes, place, ct);
        if (other is { } week && meeting.StartsAt == start)
        {
            // "next friday" on a Thursday: booked for tomorrow, and the week-later reading is one line away.
            var chosen = Zones.ToLocal(start, context.Zone);
            var retype = $"schedule {person.Name} {week.ToString("MMM d HH:mm", CultureInfo.InvariantCulture).ToLowerInvariant()}" +
                         (place is null ? string.Empty : $" at {place}") + (minutes is { } m ? $" for {m}" : string.Empty);
            reply.Text($"That is {Zones.DescribeLocalDate(chosen, context.LocalNow)}, {Distance(chosen, context.LocalNow)}. " +
                       $"If you meant {Zones.DescribeLocalDate(week, context.LocalNow)}, {Distance(week, context.LocalNow)}, type `{retype}`.");
        }

        return reply;
    }

    private static string Distance(DateTime local, DateTime localNow) =>
        (DateOnly.FromDateTime(local).DayNumber - DateOnly.FromDateTime(localNow).DayNumber) switch
        {
            0 => "today",
            1 => "tomorrow",
            var n => $"in {n} days",
        };

    /// <summary>
    /// Reads "&lt;when&gt; [at &lt;place&gt;] [for &lt;minutes&gt;]". The time itself may contain "at"
    /// ("in 3 days at noon"), so the longest prefix that reads as a time wins and the rest is the place.
    /// </summary>
    /// <param name="command">The command up to the time, to show how to retype it with a year.</param>
    private static bool TryReadWhen(
        string text, string command, ConversationContext context, out DateTimeOffset start, out string? place, out int? minutes,
        out DateTime? other, out string error)
    {
        other = null;
        text = text.Trim();
        var typed = text;
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
        string? problem = null;
        foreach (var cut in cuts)
        {
            var whenText = text[..cut].Trim();
            if (!WhenParser.TryRead(whenText, context.LocalNow, out ParsedWhen? when, out var unclear))
            {
                // "fri dec 12" when the 12th is a Saturday: say that, rather than show examples.
                problem ??= unclear;
            }
            else
            {
                if (when.Passed is { } passed)
                {
                    // "dec 1" on Dec 3: ask, rather than book next December or refuse without a way forward.
                    error = passed.Question(context.LocalNow, $"{command} {passed.WithYear(typed)}");
                    return false;
                }

                start = Zones.ToUtc(when.Local, context.Zone);
                other = when.OtherReading;
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

        if (problem is not null)
        {
            error = problem;
            return false;
        }

        // "tomorrow at the library": a day without a time. Ask for the time on that day, with a line to retype.
        foreach (var cut in AtWord().Matches(text).Select(m => m.Index).Append(text.Length).OrderDescending())
        {
            var dayText = text[..cut].Trim();
            if (WhenParser.TryReadDay(dayText, context.LocalNow, out var day, out var typical))
            {
                var example = typical.ToString(typical.Minute == 0 ? "h tt" : "h:mm tt", CultureInfo.InvariantCulture)
                    .Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                var after = text[cut..].Trim();
                error = $"What time on {Zones.DescribeLocalDate(day.ToDateTime(TimeOnly.MinValue), context.LocalNow)}? " +
                        $"For example `{command} {dayText} at {example}{(after.Length == 0 ? string.Empty : " " + after)}" +
                        $"{(minutes is { } m ? $" for {m}" : string.Empty)}`.";
                return false;
            }
        }

        error = $"I couldn't read “{text}” as a date and time. Try one of these: " +
                string.Join(", ", WhenParser.Examples.Select(e => $"`{e}`")) +
                ". Add `at <place>` and `for <minutes>` if you like.";
        return false;
    }

    [GeneratedRegex(@"\s+for\s+(?<n>[0-9]{1,4})\s*(m|min|mins|minutes)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LengthSuffix();

    [GeneratedRegex(@"(?<=\s|^)at\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AtWord();
}
