namespace OneOnOne.Core.Flows;

/// <summary>
/// A flow as data: its questions in order. Bump <see cref="Version"/> when questions change meaning,
/// so a run started under an older definition can be recognised.
/// </summary>
public sealed record FlowDefinition(string Name, int Version, string Title, IReadOnlyList<Question> Questions)
{
    /// <summary>
    /// Whether platforms that have forms offer all the questions at once as well as one at a time: for the
    /// long, reflective flows. A quick, button-driven flow reads better one question at a time.
    /// </summary>
    public bool OfferAsForm { get; init; }

    /// <summary>
    /// The form's title where a platform allows only a few characters (Slack: 24), without the person's name.
    /// </summary>
    public string? FormTitle { get; init; }

    /// <summary>Stands for a typed answer that no condition names, when looking ahead at where answers lead.</summary>
    private const string AnyOtherAnswer = "\0";

    public Question? Find(string? questionId) => Questions.FirstOrDefault(q => q.Id == questionId);

    /// <summary>The first question after <paramref name="afterId"/> (or the first of all) that should be shown.</summary>
    public Question? NextShown(string? afterId, FlowAnswers answers)
    {
        var start = afterId is null ? 0 : Questions.ToList().FindIndex(q => q.Id == afterId) + 1;
        return Questions.Skip(start).FirstOrDefault(q => q.IsShown(answers));
    }

    /// <summary>
    /// Where <paramref name="question"/> stands: its number among the questions asked, and how many the
    /// flow asks in all. While an answer still to come decides whether some questions are shown, the total
    /// is the longest path those answers could open, marked as "up to": a count shown is never taken back.
    /// </summary>
    public FlowProgress ProgressOf(Question question, FlowAnswers answers)
    {
        var position = Questions.TakeWhile(q => q != question).Count(q => q.IsShown(answers)) + 1;
        var (fewest, most) = PathLengths(0, answers);
        return new FlowProgress(position, most, IsExact: fewest == most);
    }

    /// <summary>The fewest and the most questions shown from <paramref name="from"/> on, over every way the open answers could go.</summary>
    private (int Fewest, int Most) PathLengths(int from, FlowAnswers answers)
    {
        var shown = 0;
        for (var i = from; i < Questions.Count; i++)
        {
            var question = Questions[i];
            if (!question.IsShown(answers))
            {
                continue;
            }

            shown++;
            if (answers.WasAsked(question.Id) || !Decides(question, i))
            {
                continue;
            }

            var paths = PossibleAnswers(question).Select(answer => PathLengths(i + 1, answers.With(question.Id, answer))).ToList();
            return (shown + paths.Min(p => p.Fewest), shown + paths.Max(p => p.Most));
        }

        return (shown, shown);
    }

    /// <summary>True when a later question is shown or not depending on the answer to <paramref name="question"/>.</summary>
    private bool Decides(Question question, int index) =>
        Questions.Skip(index + 1).Any(q => q.ShownIf?.QuestionId == question.Id);

    /// <summary>
    /// One representative of each kind of answer that matters to the conditions: each choice (or each
    /// value a condition names, plus any other text), and a skip when the question allows one.
    /// </summary>
    private IEnumerable<string?> PossibleAnswers(Question question)
    {
        var values = question.EffectiveChoices.Count > 0
            ? question.EffectiveChoices.Select(c => c.Value)
            : Questions.Where(q => q.ShownIf?.QuestionId == question.Id).SelectMany(q => q.ShownIf!.Values).Append(AnyOtherAnswer);
        return question.Required ? values.Distinct() : values.Distinct().Append(null);
    }
}

/// <summary>
/// A question's place in its flow, shown in front of it: "(2/4)" once the number of questions is known,
/// "(1 of up to 4)" while answers to come may still leave some out.
/// </summary>
public readonly record struct FlowProgress(int Position, int Total, bool IsExact)
{
    public override string ToString() => IsExact ? $"({Position}/{Total})" : $"({Position} of up to {Total})";
}
