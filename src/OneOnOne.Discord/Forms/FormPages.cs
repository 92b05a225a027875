using OneOnOne.Core.Flows;

namespace OneOnOne.Discord.Forms;

/// <summary>
/// A flow laid out as modal pages: Discord modals hold at most five inputs, so prep (9 questions) and
/// reflection (10) take two pages, chained by a Continue button.
/// </summary>
internal static class FormPages
{
    public const int QuestionsPerPage = 5;

    public static int Count(FlowDefinition flow) => (flow.Questions.Count + QuestionsPerPage - 1) / QuestionsPerPage;

    public static IReadOnlyList<Question> Page(FlowDefinition flow, int page) =>
        flow.Questions.Skip(page * QuestionsPerPage).Take(QuestionsPerPage).ToList();

    public static int PageOf(FlowDefinition flow, string questionId) =>
        Math.Max(0, flow.Questions.ToList().FindIndex(q => q.Id == questionId)) / QuestionsPerPage;

    public static bool IsValidPage(FlowDefinition flow, int page) => page >= 0 && page < Count(flow);
}
