namespace OneOnOne.Discord;

/// <summary>Discord ids: 64-bit numbers that always travel as strings. We keep them as strings too.</summary>
internal static class Snowflake
{
    public static bool IsValid(string? text) =>
        text is { Length: > 0 and <= 20 } && text.All(char.IsAsciiDigit) && ulong.TryParse(text, out var value) && value > 0;
}
