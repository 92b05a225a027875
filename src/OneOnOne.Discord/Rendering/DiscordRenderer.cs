using OneOnOne.Adapters.Flows;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Rendering;

/// <summary>
/// Renders the engine's neutral blocks as Discord messages: text as content (split under 2,000
/// characters, unless it fits one embed's description instead: one message answers in the first
/// response, as <c>help</c> does, where two would need a deferral), fields as an embed, buttons as
/// action rows (5 a row, 5 rows a message), files as attachments. Text that follows buttons starts a new message, so every question sits right above its
/// own buttons. The first question of prep and reflection also gets "Answer in a form".
/// </summary>
internal sealed partial class DiscordRenderer(ComponentPayloadStore payloads, FlowCatalog flows)
{
    public const int MaxButtonsPerRow = 5;
    public const int MaxRows = 5;
    public const int MaxLabelLength = 80;
    public const int MaxEmbedFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxFiles = 10;
    public const int MaxEmbedDescription = 4096;

    /// <param name="blocks">What the engine said.</param>
    /// <param name="form">The form whose submit these blocks answer, so its errors can offer to reopen it.</param>
    public IReadOnlyList<RenderedMessage> Render(IEnumerable<Block> blocks, FormPageRef? form = null)
    {
        var messages = new List<RenderedMessage>();
        var current = new Draft();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeaderBlock header:
                    current = TextFollows(current, messages).AddText($"**{header.Text.Trim()}**");
                    break;
                case TextBlock text:
                    current = TextFollows(current, messages).AddText(ChannelMentions(text.Text));
                    break;
                case FieldsBlock fields:
                    current = TextFollows(current, messages);
                    if (AsEmbed(fields) is { } embed)
                    {
                        current.Embeds.Add(embed);
                    }
                    else
                    {
                        current.AddText(string.Join('\n', fields.Fields.Select(f => $"**{f.Label}**: {f.Value}")));
                    }

                    break;
                case ButtonsBlock buttons:
                    foreach (var row in buttons.Buttons.Chunk(MaxButtonsPerRow))
                    {
                        current = RoomForRow(current, messages).AddRow(row.Select(b => ButtonFor(b.Label, payloads.ToCustomId(b.Payload))));
                    }

                    break;
                case FileBlock file:
                    if (current.Files.Count == MaxFiles)
                    {
                        current = Flush(current, messages);
                    }

                    current.Files.Add(new FileUpload(file.FileName, file.ContentType, file.Content, file.Title));
                    break;
                case QuestionBlock question when flows.OffersFormAt(question.Flow, question.QuestionId):
                    current = RoomForRow(current, messages).AddRow(
                        [ButtonFor("Answer in a form", FormIds.OpenButton(question.FlowRunId, question.Flow, 0), ButtonStyle.Primary)]);
                    break;
                case FormErrorsBlock errors when form is { } submitted && flows.Find(submitted.Flow) is { } flow:
                    var firstPage = errors.Errors.Keys.Select(id => FormPages.PageOf(flow, id)).DefaultIfEmpty(0).Min();
                    current = RoomForRow(current, messages).AddRow(
                        [ButtonFor("Fix my answers", FormIds.OpenButton(submitted.RunId, submitted.Flow, firstPage), ButtonStyle.Primary)]);
                    break;
            }
        }

        Flush(current, messages);
        return messages;
    }

    /// <summary>
    /// The engine names a channel picked with the command's option as <c>#&lt;id&gt;</c>; Discord shows
    /// <c>&lt;#id&gt;</c> as the channel's name, so that is what it gets.
    /// </summary>
    private static string ChannelMentions(string text) => ChannelIdPattern().Replace(text, "<#$1>");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![<\w])#(\d{17,20})\b")]
    private static partial System.Text.RegularExpressions.Regex ChannelIdPattern();

    private static Draft TextFollows(Draft current, List<RenderedMessage> messages) =>
        current.Rows.Count > 0 || current.Files.Count > 0 || current.Embeds.Count > 0 ? Flush(current, messages) : current;

    private static Draft RoomForRow(Draft current, List<RenderedMessage> messages) =>
        current.Rows.Count == MaxRows ? Flush(current, messages) : current;

    /// <summary>Ends the draft: long text becomes several messages, the last one carrying the embeds, buttons and files.</summary>
    private static Draft Flush(Draft draft, List<RenderedMessage> messages)
    {
        var text = draft.Text.ToString().Trim();
        if (text.Length > TextSplitter.MaxContentLength && text.Length <= MaxEmbedDescription && draft.Embeds.Count == 0)
        {
            draft.Embeds.Add(new Embed { Description = text });
            text = string.Empty;
        }

        var pieces = TextSplitter.Split(text);
        for (var i = 0; i < pieces.Count - 1; i++)
        {
            messages.Add(RenderedMessage.Text(pieces[i]));
        }

        var last = pieces.Count > 0 ? pieces[^1] : null;
        if (last is not null || draft.Embeds.Count > 0 || draft.Rows.Count > 0 || draft.Files.Count > 0)
        {
            var payload = new MessagePayload
            {
                Content = last,
                Embeds = draft.Embeds.Count > 0 ? draft.Embeds : null,
                Components = draft.Rows.Count > 0 ? draft.Rows : null,
                AllowedMentions = AllowedMentions.None,
            };
            messages.Add(new RenderedMessage(payload, draft.Files));
        }

        return new Draft();
    }

    private static Embed? AsEmbed(FieldsBlock block)
    {
        if (block.Fields.Count is 0 or > MaxEmbedFields
            || block.Fields.Any(f => f.Label.Length > MaxFieldName || f.Value.Length > MaxFieldValue)
            || block.Fields.Sum(f => f.Label.Length + f.Value.Length) > 5000)
        {
            return null;
        }

        return new Embed
        {
            Fields = block.Fields.Select(f => new EmbedField
            {
                Name = string.IsNullOrWhiteSpace(f.Label) ? "\u200b" : f.Label,
                Value = string.IsNullOrWhiteSpace(f.Value) ? "—" : f.Value,
                Inline = f.Value.Length <= 40 ? true : null,
            }).ToList(),
        };
    }

    private static Component ButtonFor(string label, string customId, int style = ButtonStyle.Secondary) => new()
    {
        Type = ComponentType.Button,
        Style = style,
        Label = Clip.To(string.IsNullOrWhiteSpace(label) ? "…" : label, MaxLabelLength),
        CustomId = customId,
    };

    /// <summary>A message being put together.</summary>
    private sealed class Draft
    {
        public System.Text.StringBuilder Text { get; } = new();

        public List<Embed> Embeds { get; } = [];

        public List<Component> Rows { get; } = [];

        public List<FileUpload> Files { get; } = [];

        public Draft AddText(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return this;
            }

            if (Text.Length > 0)
            {
                Text.Append('\n');
            }

            Text.Append(text.Trim());
            return this;
        }

        public Draft AddRow(IEnumerable<Component> buttons)
        {
            var row = new Component { Type = ComponentType.ActionRow, Components = [] };
            foreach (var button in buttons)
            {
                // Custom ids must be unique within a message; a repeated payload simply gets no second button.
                if (!Rows.Concat([row]).SelectMany(r => r.Components!).Any(b => b.CustomId == button.CustomId))
                {
                    row.Components!.Add(button);
                }
            }

            if (row.Components!.Count > 0)
            {
                Rows.Add(row);
            }

            return this;
        }
    }
}
