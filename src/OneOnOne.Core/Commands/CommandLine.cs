namespace OneOnOne.Core.Commands;

/// <summary>Splits command text into its first word and the rest.</summary>
public static class CommandLine
{
    public static (string Name, string Arguments) Split(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0
            ? (trimmed.ToLowerInvariant(), string.Empty)
            : (trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }
}
