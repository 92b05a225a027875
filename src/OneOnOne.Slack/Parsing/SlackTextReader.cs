using System.Text;
using System.Text.RegularExpressions;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Parsing;

/// <summary>
/// Turns what a person typed in Slack into the plain text the engine reads. Slack escapes
/// <c>&amp; &lt; &gt;</c> and wraps links, channels and mentions in angle brackets; the engine wants
/// the words. User mentions are kept as <c>&lt;@U…|Name&gt;</c>, which the engine reads as "this
/// Slack user", with the name filled in from users.info so people land on a list with real names.
/// Channel references stay <c>&lt;#C…|name&gt;</c> too: the engine keeps the id (a digest channel),
/// and Slack posts reliably only to ids.
/// </summary>
public static partial class SlackTextReader
{
    /// <summary>More mentions than this in one message are left as they are rather than looked up one by one.</summary>
    public const int MaxLookups = 10;

    public static async Task<string> ReadAsync(string text, Func<string, Task<string?>> nameOf)
    {
        var lookups = 0;
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match token in Token().Matches(text))
        {
            builder.Append(SlackFormat.Unescape(text[last..token.Index]));
            last = token.Index + token.Length;
            var inner = token.Groups["inner"].Value;
            if (UserMention().Match(inner) is { Success: true } mention)
            {
                var id = mention.Groups["id"].Value;
                var label = mention.Groups["label"].Success ? SlackFormat.Unescape(mention.Groups["label"].Value) : null;
                var name = lookups++ < MaxLookups ? await nameOf(id) : null;
                name = SlackFormat.SingleLine(name ?? label ?? string.Empty);
                builder.Append(name.Length > 0 ? $"<@{id}|{name}>" : $"<@{id}>");
            }
            else if (ChannelReference().IsMatch(inner))
            {
                builder.Append(token.Value);
            }
            else
            {
                builder.Append(SlackFormat.Unescape(Plain(inner)));
            }
        }

        builder.Append(SlackFormat.Unescape(text[last..]));
        return builder.ToString();
    }

    /// <summary>What a person sees for a bracketed token that is not a user mention.</summary>
    private static string Plain(string inner)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 ? null : inner[(bar + 1)..];
        return target switch
        {
            ['#', ..] => "#" + (label ?? target[1..]),
            ['!', ..] when target.StartsWith("!subteam^", StringComparison.Ordinal) => label ?? "@group",
            ['!', ..] when target.StartsWith("!date^", StringComparison.Ordinal) => label ?? string.Empty,
            ['!', ..] => "@" + (label ?? target[1..]),
            _ when target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) => label ?? target["mailto:".Length..],
            _ => label is null || label == target ? target : $"{label} ({target})",
        };
    }

    [GeneratedRegex(@"<(?<inner>[^<>\n]{1,1000})>")]
    private static partial Regex Token();

    [GeneratedRegex(@"^@(?<id>[UW][A-Z0-9]{1,30})(\|(?<label>.*))?$")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"^#[CG][A-Z0-9]{1,30}(\|[^|]*)?$")]
    private static partial Regex ChannelReference();
}
