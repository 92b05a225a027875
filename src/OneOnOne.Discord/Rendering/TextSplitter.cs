namespace OneOnOne.Discord.Rendering;

/// <summary>Splits text into pieces Discord accepts (2,000 characters a message), at paragraph, line or word breaks when it can.</summary>
internal static class TextSplitter
{
    public const int MaxContentLength = 2000;

    public static IReadOnlyList<string> Split(string text, int max = MaxContentLength)
    {
        var pieces = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > max)
        {
            var cut = BestCut(rest[..max]);
            pieces.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }

    private static int BestCut(ReadOnlySpan<char> window)
    {
        // Prefer a paragraph, then a line, then a word; never less than half a message, so no tiny pieces.
        foreach (var breakAt in (ReadOnlySpan<string>)["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(breakAt.AsSpan());
            if (at >= window.Length / 2)
            {
                return at + breakAt.Length;
            }
        }

        // No break: cut hard, but not inside a surrogate pair (an emoji would break).
        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }
}
