using System.Text;

namespace OneOnOne.Slack.Rendering;

/// <summary>Slack's text rules: the three escaped characters, length limits, and splitting long text.</summary>
public static class SlackFormat
{
    /// <summary>
    /// Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> (ampersand first). Nothing else: Slack shows
    /// other entities literally. This is also what keeps text from pinging <c>&lt;!channel&gt;</c>.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Escapes <paramref name="text"/> and fits the result into <paramref name="max"/> characters, cutting
    /// the raw text (never an escape sequence) and marking the cut.
    /// </summary>
    public static string EscapeWithin(string text, int max)
    {
        var escaped = Escape(text);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        // One pass over the raw text: the longest start whose escaped form leaves room for the ellipsis.
        var room = max - 1;
        var keep = 0;
        for (var length = 0; keep < text.Length; keep++)
        {
            length += EscapedLength(text[keep]);
            if (length > room)
            {
                break;
            }
        }

        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--; // Never split an emoji in half.
        }

        return Escape(text[..keep]) + "…";
    }

    private static int EscapedLength(char c) => c switch
    {
        '&' => "&amp;".Length,
        '<' or '>' => "&lt;".Length,
        _ => 1,
    };

    /// <summary>Undoes <see cref="Escape"/> for text typed by a person (ampersand last).</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        return text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, marking the cut with an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // Never split an emoji in half.
        }

        return text[..cut] + "…";
    }

    /// <summary>
    /// Splits text into pieces of at most <paramref name="max"/> characters, preferring line breaks,
    /// then spaces, so a long list stays readable across several sections.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        if (text.Length <= max)
        {
            return [text];
        }

        var pieces = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = window.LastIndexOf('\n');
            if (cut < max / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < max / 2)
            {
                cut = HardCut(window);
            }

            pieces.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart('\n');
        }

        if (!rest.IsEmpty)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }

    /// <summary>A cut at the very end of the window that splits neither an emoji nor an escape like <c>&amp;amp;</c>.</summary>
    private static int HardCut(ReadOnlySpan<char> window)
    {
        var cut = window.Length;
        var ampersand = window[Math.Max(0, cut - 5)..].LastIndexOf('&');
        if (ampersand >= 0 && window[(Math.Max(0, cut - 5) + ampersand)..].IndexOf(';') < 0)
        {
            cut = Math.Max(0, cut - 5) + ampersand;
        }

        return cut > 0 && char.IsHighSurrogate(window[cut - 1]) ? cut - 1 : cut;
    }

    /// <summary>Text safe inside a mention label or other single-line slot: no control characters or markup, single spaces.</summary>
    public static string SingleLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var blank = char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or '|';
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
