namespace OneOnOne.Discord.Rendering;

internal static class Clip
{
    /// <summary>Shortens to at most <paramref name="max"/> characters, at a word break when one is near, marking the cut with "…".</summary>
    public static string To(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var room = max - 1;
        var space = text.LastIndexOf(' ', room - 1, room);
        var cut = space >= max * 2 / 3 ? space : room;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
