using System.Globalization;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Console;

/// <summary>What one typed line means.</summary>
internal abstract record ConsoleLine
{
    public sealed record Blank : ConsoleLine;

    public sealed record Quit : ConsoleLine;

    /// <summary><c>/as &lt;name&gt;</c>; a null name asks who you are.</summary>
    public sealed record SwitchOrganizer(string? Name) : ConsoleLine;

    public sealed record ForEngine(Input Input) : ConsoleLine;

    /// <summary><c>/clock</c>: show the time on the bot's clock.</summary>
    public sealed record ShowClock : ConsoleLine;

    /// <summary><c>/clock +2d</c>: move ahead by an amount.</summary>
    public sealed record MoveClock(TimeSpan By) : ConsoleLine;

    /// <summary><c>/clock +1y</c>: move ahead by calendar years, to the same date and time of day.</summary>
    public sealed record MoveClockYears(int Years) : ConsoleLine;

    /// <summary><c>/clock -1d</c>, <c>/clock +30y</c>: a clock move we can't make, and why.</summary>
    public sealed record ClockRefused(string Reason) : ConsoleLine;

    /// <summary><c>/clock tomorrow 7:30pm</c>: move ahead to a wall-clock time, read like any date the bot reads.</summary>
    public sealed record MoveClockTo(string When) : ConsoleLine;

    /// <param name="pressable">The buttons of the last message printed, numbered from 1.</param>
    public static ConsoleLine Parse(string line, IReadOnlyList<Button> pressable)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return new Blank();
        }

        if (text.StartsWith('/'))
        {
            var space = text.IndexOfAny([' ', '\t']);
            var command = space < 0 ? text : text[..space];
            var rest = space < 0 ? "" : text[(space + 1)..].Trim();
            return command.ToLowerInvariant() switch
            {
                "/one-on-one" or "/1on1" => new ForEngine(new CommandInput(rest)),
                "/quit" or "/exit" => new Quit(),
                "/as" => new SwitchOrganizer(rest.Length == 0 ? null : rest),
                "/clock" => ParseClock(rest),

                // Any other slash word is a bot command ("/status"), so commands work even while a
                // question is waiting and plain text would be taken as its answer.
                _ => new ForEngine(new CommandInput(text[1..])),
            };
        }

        var button = FindButton(text, pressable);
        return new ForEngine(button is null ? new ReplyInput(text) : new ButtonInput(button.Payload));
    }

    /// <summary>
    /// Further than this is almost certainly a typo. The clock goes straight from one due reminder to the next, so
    /// even this far takes seconds.
    /// </summary>
    internal static readonly TimeSpan MaxClockMove = TimeSpan.FromDays(5 * 365 + 2);

    /// <summary>How <see cref="MaxClockMove"/> is said, and what to type instead.</summary>
    internal const string MaxClockMoveText = "5 years";

    internal const string TooFar = "/clock moves up to " + MaxClockMoveText + " at a time; move it in steps such as /clock +1y.";

    /// <summary>What <c>/clock</c> accepts, for every refusal.</summary>
    internal const string ClockUsage = "Try /clock +3h, /clock +2d, /clock +1w, /clock +1y or a time such as /clock tomorrow 7:30pm.";

    /// <summary>"+2d", "3h", "+30m", "1w", "+1y", or a time such as "tomorrow 7pm"; nothing shows the clock.</summary>
    private static ConsoleLine ParseClock(string argument)
    {
        var text = argument.Trim();
        if (text.Length == 0)
        {
            return new ShowClock();
        }

        if (text.StartsWith('-'))
        {
            return new ClockRefused($"The clock only moves forward: reminders already sent can't be taken back. {ClockUsage}");
        }

        var amount = text.TrimStart('+');
        if (amount.Length < 2 || !int.TryParse(amount[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !"mhdwy".Contains(char.ToLowerInvariant(amount[^1])))
        {
            // Not an amount: perhaps a time, read like any date the bot reads.
            return text.StartsWith('+') ? new ClockRefused($"I couldn't read “{text}” as an amount. {ClockUsage}") : new MoveClockTo(text);
        }

        if (n == 0)
        {
            return new ClockRefused($"That wouldn't move the clock at all. {ClockUsage}");
        }

        if (char.ToLowerInvariant(amount[^1]) == 'y')
        {
            return n <= 5 ? new MoveClockYears(n) : new ClockRefused(TooFar);
        }

        var by = char.ToLowerInvariant(amount[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(Math.Min(n, 1_000_000)),
            'h' => TimeSpan.FromHours(Math.Min(n, 100_000)),
            'd' => TimeSpan.FromDays(Math.Min(n, 10_000)),
            _ => TimeSpan.FromDays(7 * Math.Min(n, 10_000)),
        };

        return by > MaxClockMove ? new ClockRefused(TooFar) : new MoveClock(by);
    }

    private static Button? FindButton(string text, IReadOnlyList<Button> pressable)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // A number that is no button's (say, an answer to "how many?") stays a reply.
            return number >= 1 && number <= pressable.Count ? pressable[number - 1] : null;
        }

        return pressable.FirstOrDefault(b => string.Equals(b.Label, text, StringComparison.OrdinalIgnoreCase));
    }
}
