using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OneOnOne.Discord.Wire;

/// <summary>
/// A message or modal component. Discord's components are one union of types, so this is one class
/// whose fields apply per <see cref="Type"/>; it is used both to send and to read submitted modals.
/// </summary>
public sealed class Component
{
    public int Type { get; set; }

    public string? CustomId { get; set; }

    public int? Style { get; set; }

    public string? Label { get; set; }

    public string? Description { get; set; }

    public string? Placeholder { get; set; }

    /// <summary>A text input's prefill when sent, its answer when submitted.</summary>
    public string? Value { get; set; }

    public List<string>? Values { get; set; }

    public bool? Required { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public int? MinValues { get; set; }

    public int? MaxValues { get; set; }

    public bool? Disabled { get; set; }

    public List<SelectOption>? Options { get; set; }

    /// <summary>Children of an action row.</summary>
    public List<Component>? Components { get; set; }

    /// <summary>The single child of a Label.</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; set; }
}

public sealed class SelectOption
{
    public string Label { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public string? Description { get; set; }

    public bool? Default { get; set; }
}

public static class ComponentType
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StringSelect = 3;
    public const int TextInput = 4;
    public const int Label = 18;
}

public static class ButtonStyle
{
    public const int Primary = 1;
    public const int Secondary = 2;
}

[SuppressMessage("Naming", "CA1720", Justification = "Discord's own names for its text input styles.")]
public static class TextInputStyle
{
    public const int Short = 1;
    public const int Paragraph = 2;
}
