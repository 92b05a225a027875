using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Parsing;

/// <summary>
/// Reads a submitted modal: every component with a custom id and a value (text inputs) or values
/// (selects), wherever it sits: inside Label components today, inside action rows in older layouts.
/// </summary>
internal static class ModalAnswers
{
    private const int MaxDepth = 4;

    public static Dictionary<string, string?> Read(IEnumerable<Component>? components)
    {
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(components, answers, 0);
        return answers;
    }

    private static void Walk(IEnumerable<Component>? components, Dictionary<string, string?> answers, int depth)
    {
        if (components is null || depth > MaxDepth)
        {
            return;
        }

        foreach (var component in components)
        {
            if (component is null)
            {
                continue;
            }

            if (component.CustomId is { Length: > 0 } id && (component.Value is not null || component.Values is not null))
            {
                answers[id] = component.Value ?? component.Values?.FirstOrDefault();
            }

            Walk(component.Components, answers, depth + 1);
            if (component.Child is { } child)
            {
                Walk([child], answers, depth + 1);
            }
        }
    }
}
