using System.Globalization;
using System.Text.RegularExpressions;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary><c>pause until &lt;date&gt;</c> or <c>pause for &lt;n&gt; days|weeks</c>: no reminders during a holiday.</summary>
public sealed partial class PauseCommand(IOneOnOneStore store) : ICommand
{
    private const int MaxDays = 366;

    public string Name => "pause";

    public CommandHelp Help { get; } = new(18, "pause until <date> | pause for <n> days", "Hold every reminder, e.g. for a holiday", "pause until dec 28");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        // Discord's pause has an "until" and a "days" option; both filled in arrive as one line.
        if (BothEnds().IsMatch(arguments))
        {
            return Reply.WithText("That's both an end date and a number of days; a pause needs just one of the two. " +
                                  "For example `pause until dec 28` or `pause for 14 days`.");
        }

        if (!TryReadEnd(arguments, context, out var until, out var passed, out var unclear))
        {
            var readings = ComingReadings(arguments, context);
            if (readings.Count == 2)
            {
                return WhichDate(arguments, readings, context);
            }

            // Only one reading of "12/03" lies ahead; a pause can't end in the past, so that is the one meant.
            // The reply shows its weekday, day and month, so a misreading is caught.
            if (readings.Count == 0 || !TryReadEnd(IsoDate(readings[0]), context, out until, out passed, out unclear))
            {
                return Reply.WithText(unclear ?? "Until when? For example `pause until dec 28`, `pause until 2027-01-04` or `pause for 2 weeks`.");
            }
        }

        if (passed is not null)
        {
            return Reply.WithText(passed.Question(context.LocalNow, $"pause until {passed.WithYear(UntilPrefix().Replace(arguments.Trim(), string.Empty))}"));
        }

        if (until <= context.Now)
        {
            return Reply.WithText($"{Zones.Describe(until, context.Zone, context.Now)} has already passed; a pause needs to end in the future. " +
                                  "For example `pause until dec 28` or `pause for 2 weeks`.");
        }

        if (until > context.Now.AddDays(MaxDays))
        {
            return Reply.WithText($"{Zones.Describe(until, context.Zone, context.Now)} is more than a year away, and a pause can last up to a year. " +
                                  "Pick an earlier date, or `pause for 52 weeks`.");
        }

        context.Organizer.PausedUntil = until;
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"Reminders paused until {Zones.Describe(until, context.Zone, context.Now)}. Enjoy the break! " +
                              "Reminders that would have come meanwhile wait, and the ones that grow stale are skipped; `resume` brings them back sooner.");
    }

    /// <param name="passed">Set when the date was a month and day without a year that has already passed this year.</param>
    /// <param name="unclear">Why a date was refused, when it can be said ("Sat 12 Dec is a Saturday, not a Friday").</param>
    private static bool TryReadEnd(
        string text, ConversationContext context, out DateTimeOffset until, out PassedDate? passed, out string? unclear)
    {
        until = default;
        passed = null;
        unclear = null;
        var span = ForSpan().Match(text);
        if (span.Success)
        {
            var n = int.Parse(span.Groups["n"].Value, CultureInfo.InvariantCulture);
            var days = span.Groups["unit"].Value.StartsWith('w') ? n * 7 : n;
            if (days is < 1 or > MaxDays)
            {
                return false;
            }

            until = Zones.ToUtc(context.LocalNow.Date.AddDays(days + 1), context.Zone);
            return true;
        }

        var date = UntilPrefix().Replace(text.Trim(), string.Empty);
        // A bare date means "back on that day": reminders resume that morning.
        var order = context.Organizer.DateOrder;
        if (WhenParser.TryRead(date, context.LocalNow, order, out var when, out unclear)
            || WhenParser.TryRead($"{date} 08:00", context.LocalNow, order, out when, out unclear))
        {
            until = Zones.ToUtc(when.Local, context.Zone);
            passed = when.Passed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Both readings of a slash date like "12/03" that still lie ahead, earliest first; none when the organizer has said how
    /// they write dates or the date doesn't read two ways.
    /// </summary>
    private static List<DateOnly> ComingReadings(string arguments, ConversationContext context)
    {
        var date = UntilPrefix().Replace(arguments.Trim(), string.Empty);
        if (context.Organizer.DateOrder is not null || !WhenParser.TryReadBothWays(date, context.LocalNow, out var dayFirst, out var monthFirst))
        {
            return [];
        }

        var today = DateOnly.FromDateTime(context.LocalNow);
        return new[] { dayFirst, monthFirst }.Where(d => d > today).Order().ToList();
    }

    /// <summary>"pause until 12/03": both readings as buttons, and how to have such dates read one way from now on.</summary>
    private static Reply WhichDate(string arguments, List<DateOnly> readings, ConversationContext context)
    {
        var date = UntilPrefix().Replace(arguments.Trim(), string.Empty);
        var labels = readings.Select(d => Zones.DescribeLocalDate(d.ToDateTime(TimeOnly.MinValue), context.LocalNow)).ToList();
        return Reply.WithText($"“{date}” could be {labels[0]} or {labels[1]}. Which do you mean? " +
                              "(`dates day-first` or `dates month-first` tells me how you write dates, so I needn't ask again.)")
            .Buttons(readings.Select((d, i) => Payloads.Command(labels[i], $"pause {IsoDate(d)}")));
    }

    private static string IsoDate(DateOnly day) => "until " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*for\s+(?<n>[0-9]{1,3})\s*(?<unit>days?|d|weeks?|w)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForSpan();

    [GeneratedRegex(@"^until\s+", RegexOptions.IgnoreCase)]
    private static partial Regex UntilPrefix();

    /// <summary>"until dec 28 for 7 days" or "for 7 days until dec 28".</summary>
    [GeneratedRegex(@"^\s*(until\s+\S.*\s+for\s+[0-9]{1,3}\s*(days?|d|weeks?|w)|for\s+[0-9]{1,3}\s*(days?|d|weeks?|w)\s+until\s+\S.*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BothEnds();
}
