using OneOnOne.Core.Flows;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Rendering;

/// <summary>
/// One page of a flow as a Discord modal: each question in a Label (≤45 characters, the full
/// question below it when it is longer), text questions as text inputs, choices as a select.
/// Answers already given are filled in, so going back to fix one loses nothing.
/// </summary>
internal static class ModalBuilder
{
    public const int MaxTitleLength = 45;
    public const int MaxLabelLength = 45;
    public const int MaxDescriptionLength = 100;
    public const int MaxPlaceholderLength = 100;
    public const int MaxInputLength = 4000;

    public static InteractionCallbackData Build(FlowDefinition flow, int runId, int page, string? personName, IReadOnlyDictionary<string, string?> saved)
    {
        var pages = FormPages.Count(flow);
        var suffix = pages > 1 ? $" ({page + 1}/{pages})" : string.Empty;
        return new InteractionCallbackData
        {
            CustomId = FormIds.Modal(runId, flow.Name, page),
            Title = Clip.To(Personalise(flow.Title, personName), MaxTitleLength - suffix.Length) + suffix,
            Components = FormPages.Page(flow, page).Select(q => Field(q, personName, saved.GetValueOrDefault(q.Id))).ToList(),
        };
    }

    private static Component Field(Question question, string? personName, string? saved)
    {
        var prompt = Personalise(question.Prompt, personName);
        return new Component
        {
            Type = ComponentType.Label,
            Label = Clip.To(prompt, MaxLabelLength),
            Description = prompt.Length > MaxLabelLength ? Clip.To(prompt, MaxDescriptionLength) : null,
            Child = question.EffectiveChoices.Count > 0 ? Select(question, saved) : TextInput(question, saved),
        };
    }

    private static Component TextInput(Question question, string? saved) => new()
    {
        Type = ComponentType.TextInput,
        CustomId = question.Id,
        Style = question.Kind is QuestionKind.Text or QuestionKind.People ? TextInputStyle.Paragraph : TextInputStyle.Short,
        Required = question.Required,
        MaxLength = Math.Clamp(question.MaxLength, 1, MaxInputLength),
        Value = string.IsNullOrEmpty(saved) ? null : Clip.To(saved, MaxInputLength),
        Placeholder = Hint(question),
    };

    private static Component Select(Question question, string? saved) => new()
    {
        Type = ComponentType.StringSelect,
        CustomId = question.Id,
        Required = question.Required,
        MinValues = question.Required ? 1 : 0,
        MaxValues = 1,
        Placeholder = Hint(question),
        Options = question.EffectiveChoices.Take(25).Select(c => new SelectOption
        {
            Label = Clip.To(c.Label, 100),
            Value = c.Value,
            Description = c.Description is { } description ? Clip.To(description, 100) : null,
            Default = string.Equals(c.Value, saved, StringComparison.OrdinalIgnoreCase) ? true : null,
        }).ToList(),
    };

    private static string? Hint(Question question) =>
        question.Hint is { } hint ? Clip.To(hint, MaxPlaceholderLength) : null;

    private static string Personalise(string text, string? personName) =>
        text.Replace("{person}", personName ?? "them", StringComparison.Ordinal);
}
