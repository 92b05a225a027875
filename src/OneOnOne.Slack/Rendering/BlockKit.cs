using System.Text.Json.Serialization;

namespace OneOnOne.Slack.Rendering;

// The small part of Block Kit the bot draws with, typed so a misspelt field is a compile error
// rather than a silently blank message. Serialized with SlackJson (snake_case, nulls left out).

/// <summary>A text object: <c>plain_text</c> (shown as is) or <c>mrkdwn</c> (escaped, formatted).</summary>
public sealed record TextObject(string Type, string Text)
{
    public static TextObject Plain(string text) => new("plain_text", text);

    public static TextObject Markdown(string text) => new("mrkdwn", text);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderLayout), "header")]
[JsonDerivedType(typeof(SectionLayout), "section")]
[JsonDerivedType(typeof(ActionsLayout), "actions")]
[JsonDerivedType(typeof(ContextLayout), "context")]
[JsonDerivedType(typeof(DividerLayout), "divider")]
[JsonDerivedType(typeof(InputLayout), "input")]
public abstract record LayoutBlock
{
    public string? BlockId { get; init; }
}

public sealed record HeaderLayout(TextObject Text) : LayoutBlock;

public sealed record SectionLayout : LayoutBlock
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }
}

public sealed record ActionsLayout(IReadOnlyList<BlockElement> Elements) : LayoutBlock;

public sealed record ContextLayout(IReadOnlyList<TextObject> Elements) : LayoutBlock;

public sealed record DividerLayout : LayoutBlock;

public sealed record InputLayout(TextObject Label, BlockElement Element) : LayoutBlock
{
    public TextObject? Hint { get; init; }

    public bool? Optional { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
[JsonDerivedType(typeof(RadioButtonsElement), "radio_buttons")]
public abstract record BlockElement
{
    public required string ActionId { get; init; }
}

public sealed record ButtonElement(TextObject Text) : BlockElement
{
    public string? Value { get; init; }

    /// <summary>"primary" or "danger"; null for Slack's default look.</summary>
    public string? Style { get; init; }
}

public sealed record PlainTextInputElement : BlockElement
{
    public bool? Multiline { get; init; }

    public int? MaxLength { get; init; }

    public TextObject? Placeholder { get; init; }

    public string? InitialValue { get; init; }
}

public sealed record OptionObject(TextObject Text, string Value)
{
    /// <summary>A line under the option's text (plain text, at most <see cref="BlockKitLimits.OptionDescription"/> characters).</summary>
    public TextObject? Description { get; init; }
}

public sealed record StaticSelectElement(IReadOnlyList<OptionObject> Options) : BlockElement
{
    public TextObject? Placeholder { get; init; }
}

public sealed record RadioButtonsElement(IReadOnlyList<OptionObject> Options) : BlockElement;

/// <summary>A modal or Home tab.</summary>
public sealed record SlackView(string Type, IReadOnlyList<LayoutBlock> Blocks)
{
    public TextObject? Title { get; init; }

    public TextObject? Submit { get; init; }

    public TextObject? Close { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public static SlackView Modal(TextObject title, IReadOnlyList<LayoutBlock> blocks) => new("modal", blocks) { Title = title };

    public static SlackView Home(IReadOnlyList<LayoutBlock> blocks) => new("home", blocks);
}

/// <summary>Block Kit's limits that the renderers respect (see platform notes A3 and A10).</summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int FieldsPerSection = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int MessageText = 3000;
    public const int ModalTitle = 24;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int InputMaxLength = 3000;
    public const int Placeholder = 150;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int OptionDescription = 75;
    public const int SelectOptions = 100;
    public const int PrivateMetadata = 3000;
}
