using System.Globalization;
using System.Text;
using OneOnOne.Adapters.Flows;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Slack.Rendering;

/// <summary>
/// Draws the engine's neutral blocks in Block Kit. Text is escaped and split to fit Slack's limits;
/// each button carries its payload verbatim in <c>value</c>; the first question of a prep or
/// reflection gets an "Answer in a form" button.
/// </summary>
public sealed class SlackMessageRenderer(FlowCatalog flows)
{
    public const string ButtonActionPrefix = "btn:";
    public const string FormActionId = "form:open";

    public SlackMessage Render(IReadOnlyList<Block> blocks)
    {
        var layout = RenderBlocks(blocks, offerForms: true, out var question, out var offersForm);
        var pages = layout.Chunk(BlockKitLimits.MessageBlocks).Select(IReadOnlyList<LayoutBlock> (page) => page).ToList();
        var files = blocks.OfType<FileBlock>().ToList();
        return new SlackMessage(FallbackText(blocks), pages, files, question, offersForm);
    }

    /// <summary>The blocks alone, for a Home tab or modal, where forms are not offered.</summary>
    public List<LayoutBlock> RenderBlocks(IEnumerable<Block> blocks) => RenderBlocks(blocks, offerForms: false, out _, out _);

    private List<LayoutBlock> RenderBlocks(IEnumerable<Block> blocks, bool offerForms, out QuestionBlock? question, out bool offersForm)
    {
        question = null;
        offersForm = false;
        var layout = new List<LayoutBlock>();
        foreach (var block in blocks)
        {
            // Files are uploaded beside the message; form errors are shown in the modal (the text says them too).
            switch (block)
            {
                case HeaderBlock header when !string.IsNullOrWhiteSpace(header.Text):
                    layout.Add(new HeaderLayout(TextObject.Plain(SlackFormat.Truncate(header.Text.Trim(), BlockKitLimits.HeaderText))));
                    break;
                case TextBlock text when !string.IsNullOrWhiteSpace(text.Text):
                    layout.AddRange(SlackFormat.Split(SlackFormat.Escape(text.Text), BlockKitLimits.SectionText)
                        .Select(piece => new SectionLayout { Text = TextObject.Markdown(piece) }));
                    break;
                case FieldsBlock fields:
                    layout.AddRange(Fields(fields.Fields));
                    break;
                case ButtonsBlock buttons:
                    layout.AddRange(Buttons(buttons.Buttons));
                    break;
                case QuestionBlock asked:
                    question = asked;
                    if (offerForms && flows.OffersFormAt(asked.Flow, asked.QuestionId))
                    {
                        offersForm = true;
                        layout.Add(FormOffer(asked.FlowRunId));
                    }

                    break;
            }
        }

        return layout;
    }

    private static IEnumerable<LayoutBlock> Fields(IReadOnlyList<Field> fields) =>
        fields
            .Select(f => TextObject.Markdown(
                $"*{SlackFormat.EscapeWithin(f.Label, 200)}*\n{SlackFormat.EscapeWithin(f.Value, BlockKitLimits.FieldText - 210)}"))
            .Chunk(BlockKitLimits.FieldsPerSection)
            .Select(chunk => new SectionLayout { Fields = chunk });

    private static IEnumerable<LayoutBlock> Buttons(IReadOnlyList<Button> buttons) =>
        buttons
            // A payload too long for Slack's value field would come back cut, so such a button is left out.
            .Where(b => b.Payload.Length <= BlockKitLimits.ButtonValue)
            .Chunk(BlockKitLimits.ActionsElements)
            .Select(row => new ActionsLayout(row.Select(BlockElement (button, index) => new ButtonElement(
                TextObject.Plain(SlackFormat.Truncate(button.Label, BlockKitLimits.ButtonText)))
            {
                ActionId = ButtonActionPrefix + index.ToString(CultureInfo.InvariantCulture),
                Value = button.Payload,
            }).ToList()));

    private static ActionsLayout FormOffer(int runId) =>
        new([
            new ButtonElement(TextObject.Plain("Answer in a form"))
            {
                ActionId = FormActionId,
                Value = runId.ToString(CultureInfo.InvariantCulture),
                Style = "primary",
            },
        ]);

    /// <summary>The notification and screen-reader text: the words of the message, without buttons.</summary>
    private static string FallbackText(IReadOnlyList<Block> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            var line = block switch
            {
                HeaderBlock header => header.Text,
                TextBlock plain => plain.Text,
                FieldsBlock fields => string.Join('\n', fields.Fields.Select(f => $"{f.Label}: {f.Value}")),
                FileBlock file => file.Title ?? file.FileName,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(line))
            {
                text.Append(text.Length == 0 ? string.Empty : "\n").Append(line);
            }

            if (text.Length > BlockKitLimits.MessageText)
            {
                break;
            }
        }

        return SlackFormat.EscapeWithin(text.ToString(), BlockKitLimits.MessageText);
    }
}
