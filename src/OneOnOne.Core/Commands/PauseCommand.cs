using System.Globalization;
using System.Text.RegularExpressions;
using OneOnOne.Core.Engine;
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
        if (!TryReadEnd(arguments, context, out var until))
        {
            return Reply.WithText("Until when? For example `pause until dec 28`, `pause until 2027-01-04` or `pause for 2 weeks`.");
        }

        if (until <= context.Now || until > context.Now.AddDays(MaxDays))
        {
            return Reply.WithText("A pause needs to end in the future, and within a year.");
        }

        context.Organizer.PausedUntil = until;
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"Reminders paused until {Zones.Describe(until, context.Zone)}. Enjoy the break! " +
                              "Reminders that would have come meanwhile wait, and the ones that grow stale are skipped; `resume` brings them back sooner.");
    }

    private static bool TryReadEnd(string text, ConversationContext context, out DateTimeOffset until)
    {
        until = default;
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
        if (WhenParser.TryParse(date, context.LocalNow, out var local) || WhenParser.TryParse($"{date} 08:00", context.LocalNow, out local))
        {
            until = Zones.ToUtc(local, context.Zone);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^\s*for\s+(?<n>\d{1,3})\s*(?<unit>days?|d|weeks?|w)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForSpan();

    [GeneratedRegex(@"^until\s+", RegexOptions.IgnoreCase)]
    private static partial Regex UntilPrefix();
}
