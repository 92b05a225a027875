namespace OneOnOne.Core.Domain;

/// <summary>An organizer's most recent answer to one reflection question about someone, and when they gave it.</summary>
public sealed record NotedAnswer(ReflectionField Field, string Text, DateTimeOffset At)
{
    /// <summary>
    /// Each question's latest answer across <paramref name="reflections"/>, in the order the reflection asks them.
    /// A later reflection that skipped a question leaves the earlier answer standing.
    /// </summary>
    public static IReadOnlyList<NotedAnswer> Latest(IEnumerable<Reflection> reflections)
    {
        var newestFirst = reflections.OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id).ToList();
        return ReflectionField.All
            .Select(field => newestFirst.FirstOrDefault(r => field.Read(r) is not null) is { } r
                ? new NotedAnswer(field, field.Read(r)!, r.CompletedAt)
                : null)
            .OfType<NotedAnswer>()
            .ToList();
    }
}
