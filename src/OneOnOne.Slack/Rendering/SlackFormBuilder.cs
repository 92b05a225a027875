using OneOnOne.Core.Flows;
using OneOnOne.Core.Time;
using OneOnOne.Slack.Forms;

namespace OneOnOne.Slack.Rendering;

/// <summary>
/// Draws a flow as a Slack modal: one input per question, block id = question id (so validation
/// errors land under the right field), the run's state in <c>private_metadata</c>. A flow longer
/// than one modal can hold is split into pages, each pushed on top of the last.
/// </summary>
public static class SlackFormBuilder
{
    public const string CallbackId = "oneonone:form";
    public const string AnswerActionId = "answer";

    /// <summary>A modal holds 100 blocks; the title and page note take a few, so 90 questions a page leaves room.</summary>
    public const int DefaultQuestionsPerPage = 90;

    private const int ChoicesAsRadio = 5;

    public static int PageCount(FlowDefinition flow, int questionsPerPage = DefaultQuestionsPerPage) =>
        Math.Max(1, (flow.Questions.Count + questionsPerPage - 1) / questionsPerPage);

    /// <summary>The questions shown on <paramref name="page"/>.</summary>
    public static IReadOnlyList<Question> QuestionsOn(FlowDefinition flow, int page, int questionsPerPage = DefaultQuestionsPerPage) =>
        flow.Questions.Skip(page * questionsPerPage).Take(questionsPerPage).ToList();

    public static SlackView Build(FlowDefinition flow, SlackFormState state, string? personName, int questionsPerPage = DefaultQuestionsPerPage)
    {
        var pages = PageCount(flow, questionsPerPage);
        var last = state.Page >= pages - 1;
        var blocks = new List<LayoutBlock>
        {
            new SectionLayout { Text = TextObject.Markdown(SlackFormat.EscapeWithin(
                $"*{Personalise(flow.Title, personName)}*\nAnswer what you can; empty fields are skipped. It's all private to you.",
                BlockKitLimits.SectionText)) },
        };
        if (pages > 1)
        {
            blocks.Add(new ContextLayout([TextObject.Plain($"Page {state.Page + 1} of {pages}")]));
        }

        blocks.AddRange(QuestionsOn(flow, state.Page, questionsPerPage).Select(q => Input(flow, q, personName)));

        var title = flow.FormTitle ?? Capitalise(flow.Name);
        return SlackView.Modal(TextObject.Plain(SlackFormat.Truncate(title, BlockKitLimits.ModalTitle)), blocks.Take(BlockKitLimits.ViewBlocks).ToList()) with
        {
            CallbackId = CallbackId,
            PrivateMetadata = state.Encode(),
            Submit = TextObject.Plain(last ? "Save" : "Next"),
            Close = TextObject.Plain(state.Page == 0 ? "Not now" : "Back"),
        };
    }

    private static InputLayout Input(FlowDefinition flow, Question question, string? personName)
    {
        var hint = string.Join(' ', new[] { question.Hint, Condition(flow, question, personName) }.Where(h => h is not null));
        return new InputLayout(
            TextObject.Plain(SlackFormat.Truncate(Personalise(question.Prompt, personName), BlockKitLimits.InputLabel)),
            Element(question))
        {
            BlockId = question.Id,

            // A question shown only after some answers can't be required in a form that shows them all at once;
            // the engine checks it on submit, knowing the answers.
            Optional = !question.Required || question.ShownIf is not null ? true : null,
            Hint = hint.Length == 0 ? null : TextObject.Plain(SlackFormat.Truncate(hint, BlockKitLimits.InputHint)),
        };
    }

    private static BlockElement Element(Question question)
    {
        var choices = question.EffectiveChoices;
        if (choices.Count > 0)
        {
            var options = choices.Take(BlockKitLimits.SelectOptions).Select(c => new OptionObject(
                TextObject.Plain(SlackFormat.Truncate(c.Label, BlockKitLimits.OptionText)),
                SlackFormat.Truncate(c.Value, BlockKitLimits.OptionValue))
            {
                Description = c.Description is { } description
                    ? TextObject.Plain(SlackFormat.Truncate(description, BlockKitLimits.OptionDescription))
                    : null,
            }).ToList();
            return options.Count <= ChoicesAsRadio
                ? new RadioButtonsElement(options) { ActionId = AnswerActionId }
                : new StaticSelectElement(options) { ActionId = AnswerActionId, Placeholder = TextObject.Plain("Choose one") };
        }

        return question.Kind switch
        {
            QuestionKind.People => TextInput(question, multiline: false, "Names, separated by commas"),
            QuestionKind.Number => TextInput(question, multiline: false,
                question.Min > int.MinValue && question.Max < int.MaxValue ? $"A number from {question.Min} to {question.Max}" : "A number"),
            QuestionKind.DateTime => TextInput(question, multiline: false, $"For example: {(WhenParser.Examples is [var first, ..] ? first : "tomorrow 6pm")}"),
            _ => TextInput(question, multiline: true, null),
        };
    }

    private static PlainTextInputElement TextInput(Question question, bool multiline, string? placeholder) => new()
    {
        ActionId = AnswerActionId,
        Multiline = multiline ? true : null,
        MaxLength = Math.Clamp(question.MaxLength, 1, BlockKitLimits.InputMaxLength),
        Placeholder = placeholder is null ? null : TextObject.Plain(SlackFormat.Truncate(placeholder, BlockKitLimits.Placeholder)),
    };

    /// <summary>Says when a conditional question applies, since the form can't hide it until then.</summary>
    private static string? Condition(FlowDefinition flow, Question question, string? personName)
    {
        if (question.ShownIf is not { } condition || flow.Find(condition.QuestionId) is not { } earlier)
        {
            return null;
        }

        var prompt = SlackFormat.Truncate(Personalise(earlier.Prompt, personName), 80);
        if (condition.Values.Length == 0)
        {
            return $"Only if you answered “{prompt}”.";
        }

        var labels = condition.Values.Select(v => earlier.EffectiveChoices.FirstOrDefault(c => c.Value == v)?.Label ?? v);
        return $"Only if you answered {string.Join(" or ", labels.Select(l => $"“{l}”"))} to “{prompt}”.";
    }

    private static string Personalise(string text, string? personName) =>
        text.Replace("{person}", string.IsNullOrWhiteSpace(personName) ? "them" : personName, StringComparison.Ordinal);

    private static string Capitalise(string name) => name.Length == 0 ? "Questions" : char.ToUpperInvariant(name[0]) + name[1..];
}
