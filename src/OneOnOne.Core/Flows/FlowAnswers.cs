using System.Text.Json;

namespace OneOnOne.Core.Flows;

/// <summary>
/// The answers given so far in a flow run: question id to normalised text. A skipped question is
/// recorded with a null value so the runner knows it was asked.
/// </summary>
public sealed class FlowAnswers
{
    private readonly Dictionary<string, string?> _values;

    private FlowAnswers(Dictionary<string, string?> values) => _values = values;

    public static FlowAnswers Empty() => new(new Dictionary<string, string?>(StringComparer.Ordinal));

    public static FlowAnswers FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? []);

    public string ToJson() => JsonSerializer.Serialize(_values);

    public string? Get(string questionId) => _values.GetValueOrDefault(questionId);

    public bool WasAsked(string questionId) => _values.ContainsKey(questionId);

    public void Set(string questionId, string? value) => _values[questionId] = value;

    public void Remove(string key) => _values.Remove(key);

    /// <summary>A copy with one more answer, to look ahead at where it would lead without changing these answers.</summary>
    public FlowAnswers With(string questionId, string? value) =>
        new(new Dictionary<string, string?>(_values, StringComparer.Ordinal) { [questionId] = value });

    /// <summary>Keeps an accepted answer (or records a skip); for a refused one, returns why and keeps nothing.</summary>
    public string? Record(string questionId, AnswerResult result)
    {
        switch (result)
        {
            case AnswerResult.Refused refused:
                return refused.Message;
            case AnswerResult.Accepted accepted:
                Set(questionId, accepted.Value);
                return null;
            default:
                Set(questionId, null);
                return null;
        }
    }
}
