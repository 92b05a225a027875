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

    /// <summary><c>/clock</c> (show) or <c>/clock +2d</c> (move ahead); null when no amount was given.</summary>
    public sealed record MoveClock(TimeSpan? By) : ConsoleLine;

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

    private static readonly TimeSpan MaxClockMove = TimeSpan.FromDays(90);

    /// <summary>"+2d", "3h", "+30m", "1w", or a time such as "tomorrow 7pm"; nothing shows the clock.</summary>
    private static ConsoleLine ParseClock(string amount)
    {
        var text = amount.Trim().TrimStart('+');
        if (text.Length == 0)
        {
            return new MoveClock(null);
        }

        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 99_999)
        {
            return new MoveClockTo(amount.Trim());
        }

        TimeSpan? by = char.ToLowerInvariant(text[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            _ => null,
        };

        // More than a season ahead is almost certainly a typo, and would take long to step through.
        return new MoveClock(by > MaxClockMove ? null : by);
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
