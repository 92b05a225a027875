using System.Globalization;
using System.Text.RegularExpressions;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>schedule &lt;person&gt; &lt;when&gt; [at &lt;place&gt;] [for &lt;minutes&gt;]</c>: sets the time and place,
/// then hands back an invitation draft and a calendar file. A day without a time ("tomorrow"), or a slash date that
/// reads two ways ("12/03"), starts the <see cref="ScheduleFlow"/>: one question with buttons, and everything else typed is kept.
/// </summary>
public sealed partial class ScheduleCommand(
    PersonResolver resolver, PeopleDirectory directory, MeetingScheduler scheduler, FlowRunner runner) : ICommand
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

        var request = ReadRequest(rest, $"schedule {person.Name}", context);
        switch (request)
        {
            case Request.Refused refused:
                return Reply.WithText(refused.Message);
            case Request.Unfinished unfinished:
                // One question with buttons, unless other questions already wait: then the line to type, so neither is lost.
                return await runner.FindActiveAsync(context.Organizer.Id, ct) is null
                    ? await runner.StartAsync(context, new FlowStart(
                        ScheduleFlow.Name, person.Id, null, ScheduleFlow.Prefilled(unfinished.Pending, unfinished.Place, unfinished.Minutes)), ct)
                    : Reply.WithText(unfinished.Message);
        }

        var (start, place, minutes, other) = (Request.Complete)request;
        mine ??= await directory.EnsureMineAsync(context, person, ct);
        var reply = await scheduler.BookAsync(context, person, mine, start, minutes, place, ct);
        if (other is { } week && start > context.Now)
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

    /// <summary>What "&lt;when&gt; [at &lt;place&gt;] [for &lt;minutes&gt;]" asks for.</summary>
    private abstract record Request
    {
        public sealed record Complete(DateTimeOffset Start, string? Place, int? Minutes, DateTime? OtherReading) : Request;

        /// <summary>A date that still needs an answer; <see cref="Message"/> asks in words, for when buttons can't.</summary>
        public sealed record Unfinished(PendingWhen Pending, string? Place, int? Minutes, string Message) : Request;

        public sealed record Refused(string Message) : Request;
    }

    /// <summary>
    /// Reads "&lt;when&gt; [at &lt;place&gt;] [for &lt;minutes&gt;]". The time itself may contain "at"
    /// ("in 3 days at noon"), so the longest prefix that reads as a time wins and the rest is the place.
    /// </summary>
    /// <param name="command">The command up to the time, to show how to retype it.</param>
    private static Request ReadRequest(string text, string command, ConversationContext context)
    {
        text = text.Trim();
        var typed = text;
        int? minutes = null;
        var length = LengthSuffix().Match(text);
        if (length.Success)
        {
            var value = int.Parse(length.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (value is < 5 or > MaxMinutes)
            {
                return new Request.Refused($"A 1:1 can last from 5 to {MaxMinutes} minutes; 30 to 45 is typical.");
            }

            minutes = value;
            text = text[..length.Index].Trim();
        }

        var cuts = AtWord().Matches(text).Select(m => m.Index).Append(text.Length).OrderDescending().ToList();
        var order = context.Organizer.DateOrder;
        string? problem = null;
        foreach (var cut in cuts)
        {
            if (!WhenParser.TryRead(text[..cut].Trim(), context.LocalNow, order, out var when, out var unclear))
            {
                // "fri dec 12" when the 12th is a Saturday: say that, rather than show examples.
                problem ??= unclear;
                continue;
            }

            if (when.Passed is { } passed)
            {
                // "dec 1" on Dec 3: ask, rather than book next December or refuse without a way forward.
                return new Request.Refused(passed.Question(context.LocalNow, $"{command} {passed.WithYear(typed)}"));
            }

            return PlaceAfter(text, cut, out var place) is { } tooLong
                ? tooLong
                : new Request.Complete(Zones.ToUtc(when.Local, context.Zone), place, minutes, when.OtherReading);
        }

        // "12/03 at the library" from someone who hasn't said how they write dates: ask which they meant.
        foreach (var cut in cuts)
        {
            var whenText = text[..cut].Trim();
            if (order is null && WhenParser.TryReadBothWays(whenText, context.LocalNow, out var dayFirst, out var monthFirst))
            {
                return PlaceAfter(text, cut, out var place) is { } tooLong
                    ? tooLong
                    : new Request.Unfinished(
                        PendingWhen.WhichOrder(whenText, dayFirst, monthFirst), place, minutes, problem ?? $"“{whenText}” could be read two ways.");
            }
        }

        if (problem is not null)
        {
            return new Request.Refused(problem);
        }

        // "tomorrow at the library": a day without a time. Ask for the time on that day.
        foreach (var cut in cuts)
        {
            var dayText = text[..cut].Trim();
            if (WhenParser.TryReadDay(dayText, context.LocalNow, order, out var day))
            {
                if (PlaceAfter(text, cut, out var place) is { } tooLong)
                {
                    return tooLong;
                }

                var typical = day.TypicalTime;
                var example = typical.ToString(typical.Minute == 0 ? "h tt" : "h:mm tt", CultureInfo.InvariantCulture)
                    .Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                var after = text[cut..].Trim();
                var message = $"What time on {Zones.DescribeLocalDate(day.Date.ToDateTime(TimeOnly.MinValue), context.LocalNow)}? " +
                              $"For example `{command} {dayText} at {example}{(after.Length == 0 ? string.Empty : " " + after)}" +
                              $"{(minutes is { } m ? $" for {m}" : string.Empty)}`.";
                return new Request.Unfinished(PendingWhen.TimeOn(day), place, minutes, message);
            }
        }

        return new Request.Refused($"I couldn't read “{text}” as a date and time. Try one of these: " +
                                   string.Join(", ", WhenParser.Examples.Select(e => $"`{e}`")) +
                                   ". Add `at <place>` and `for <minutes>` if you like.");
    }

    /// <summary>The place typed after the time ("at the library"), or the refusal when it is too long.</summary>
    private static Request.Refused? PlaceAfter(string text, int cut, out string? place)
    {
        var remainder = text[cut..].Trim();
        place = remainder.Length == 0 ? null : AtWord().Replace(remainder, string.Empty, 1).Trim();
        return place?.Length > 200 ? new Request.Refused("That place name is very long; please keep it under 200 characters.") : null;
    }

    [GeneratedRegex(@"\s+for\s+(?<n>[0-9]{1,4})\s*(m|min|mins|minutes)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LengthSuffix();

    [GeneratedRegex(@"(?<=\s|^)at\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AtWord();
}
