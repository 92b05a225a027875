namespace OneOnOne.Core.Dialogue;

/// <summary>Small pieces of English for replies.</summary>
public static class Prose
{
    /// <summary>"Grace", "Grace and Kenji", "Grace, Kenji and Maria".</summary>
    public static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1
            ? string.Concat(list)
            : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
