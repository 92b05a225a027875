namespace OneOnOne.Core.Flows;

/// <summary>How an answer is typed, validated and rendered.</summary>
public enum QuestionKind
{
    Text,
    Choice,
    Number,
    DateTime,
    /// <summary>One or more people, by name or mention, separated by commas.</summary>
    People,
    Level,
    YesMaybeNo,
}

/// <summary>
/// One answer to pick. <see cref="Description"/>, when set, says in a line what picking it means; platforms show it
/// under the label (a select option's description), and a question asked in a message lists it.
/// </summary>
public sealed record Choice(string Value, string Label, string? Description = null);

/// <summary>
/// Shows a question only when an earlier answer is one of the given values, or, with no values,
/// when the earlier question was answered rather than skipped.
/// </summary>
public sealed record ShowIf(string QuestionId, params string[] Values);

/// <summary>
/// One question of a flow. <see cref="Prompt"/> may contain <c>{person}</c>, replaced by the
/// person's name when asked.
/// </summary>
public sealed record Question(string Id, string Prompt, QuestionKind Kind)
{
    public const int DefaultMaxLength = 2000;

    /// <summary>Optional questions accept <c>skip</c>.</summary>
    public bool Required { get; init; }

    public int MaxLength { get; init; } = DefaultMaxLength;

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public int Min { get; init; } = int.MinValue;

    public int Max { get; init; } = int.MaxValue;

    /// <summary>Shown under the prompt, e.g. an example answer.</summary>
    public string? Hint { get; init; }

    /// <summary>When set, the question is asked only if this holds.</summary>
    public ShowIf? ShownIf { get; init; }

    /// <summary>For <see cref="QuestionKind.DateTime"/>: refuse instants that have already passed.</summary>
    public bool MustBeFuture { get; init; }

    /// <summary>For <see cref="QuestionKind.DateTime"/>: a bare date is accepted and means this local time.</summary>
    public TimeOnly? DefaultTime { get; init; }

    public IReadOnlyList<Choice> EffectiveChoices => Kind switch
    {
        QuestionKind.YesMaybeNo => FlowChoices.YesMaybeNo,
        QuestionKind.Level => FlowChoices.Levels,
        _ => Choices,
    };

    public bool IsShown(FlowAnswers answers) =>
        ShownIf is null
        || (answers.Get(ShownIf.QuestionId) is { } given
            && (ShownIf.Values.Length == 0 || ShownIf.Values.Contains(given, StringComparer.OrdinalIgnoreCase)));
}
