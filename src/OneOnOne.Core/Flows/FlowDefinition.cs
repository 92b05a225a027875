namespace OneOnOne.Core.Flows;

/// <summary>
/// A flow as data: its questions in order. Bump <see cref="Version"/> when questions change meaning,
/// so a run started under an older definition can be recognised.
/// </summary>
public sealed record FlowDefinition(string Name, int Version, string Title, IReadOnlyList<Question> Questions)
{
    public Question? Find(string? questionId) => Questions.FirstOrDefault(q => q.Id == questionId);

    /// <summary>The first question after <paramref name="afterId"/> (or the first of all) that should be shown.</summary>
    public Question? NextShown(string? afterId, FlowAnswers answers)
    {
        var start = afterId is null ? 0 : Questions.ToList().FindIndex(q => q.Id == afterId) + 1;
        return Questions.Skip(start).FirstOrDefault(q => q.IsShown(answers));
    }

    public (int Position, int Total) PositionOf(Question question, FlowAnswers answers)
    {
        // A question whose condition is not decided yet still counts, so the total doesn't grow mid-flow.
        var shown = Questions
            .Where(q => q == question || q.IsShown(answers) || (q.ShownIf is { } condition && !answers.WasAsked(condition.QuestionId)))
            .ToList();
        return (shown.IndexOf(question) + 1, shown.Count);
    }
}
