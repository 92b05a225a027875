using System.Reflection;
using OneOnOne.Core.Digests;

namespace OneOnOne.Charts.Tests;

/// <summary>
/// The chart draws whatever <see cref="TeamDigest"/> carries, so the digest must stay numbers, levels and
/// organizer names. These tests walk its shape: a field that could carry free text (notes, reflections,
/// a person's name) fails them and has to be looked at before it reaches a picture in a team channel.
/// </summary>
public class PrivacyTests
{
    /// <summary>The one text the digest may carry: what an organizer is called.</summary>
    private static readonly (Type Owner, string Property)[] AllowedText = [(typeof(OrganizerProgress), nameof(OrganizerProgress.Name))];

    [Fact]
    public void Team_digest_holds_only_counts_levels_dates_and_organizer_names()
    {
        var problems = new List<string>();
        Walk(typeof(TeamDigest), nameof(TeamDigest), problems, []);

        Assert.True(problems.Count == 0, "TeamDigest can carry more than counts, levels and organizer names:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_walk_would_catch_a_notes_field()
    {
        var problems = new List<string>();
        Walk(typeof(LeakyDigest), nameof(LeakyDigest), problems, []);

        Assert.Contains(problems, p => p.Contains(nameof(LeakyDigest.Notes)));
        Assert.Contains(problems, p => p.Contains(nameof(LeakyPerson.Reflection)));
        Assert.Contains(problems, p => p.Contains(nameof(LeakyDigest.Tags)));
        Assert.Contains(problems, p => p.Contains(nameof(LeakyDigest.Extra)));
    }

    [Fact]
    public void Organizer_progress_is_a_name_three_counts_and_a_flag()
    {
        var properties = typeof(OrganizerProgress).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p.Name, p.PropertyType))
            .OrderBy(p => p.Name, StringComparer.Ordinal);

        Assert.Equal(
            [("Goal", typeof(int?)), ("HeldInWindow", typeof(int)), ("HeldThisWeek", typeof(int)), ("Name", typeof(string)), ("Paused", typeof(bool))],
            properties);
    }

    private static void Walk(Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        if (type.GetFields(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault() is { } field)
        {
            problems.Add($"{path}.{field.Name}: public field");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "EqualityContract")
            {
                continue;
            }

            Check(type, property.Name, property.PropertyType, $"{path}.{property.Name}", problems, seen);
        }
    }

    private static void Check(Type owner, string name, Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;

        if (bare == typeof(string))
        {
            if (!AllowedText.Contains((owner, name)))
            {
                problems.Add($"{path}: text");
            }

            return;
        }

        if (bare.IsEnum || bare == typeof(int) || bare == typeof(long) || bare == typeof(double)
            || bare == typeof(decimal) || bare == typeof(bool) || bare == typeof(DateTimeOffset)
            || bare == typeof(DateOnly) || bare == typeof(TimeSpan))
        {
            return;
        }

        if (bare.IsGenericType && bare.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyDictionary<,>)))
        {
            var arguments = bare.GetGenericArguments();
            if (definition == typeof(IReadOnlyDictionary<,>))
            {
                // Keys name a category (a level, an answer); a text key would let anything in.
                if (!(arguments[0].IsEnum || arguments[0] == typeof(int)))
                {
                    problems.Add($"{path}: keyed by {arguments[0].Name}");
                }

                Check(owner, name, arguments[1], path + "[value]", problems, seen);
                return;
            }

            if (arguments[0] == typeof(string))
            {
                problems.Add($"{path}: list of text");
                return;
            }

            Check(owner, name, arguments[0], path + "[]", problems, seen);
            return;
        }

        if (bare.Namespace?.StartsWith("OneOnOne.", StringComparison.Ordinal) == true && !bare.IsInterface)
        {
            Walk(bare, path, problems, seen);
            return;
        }

        problems.Add($"{path}: {bare.Name} is not a count, level, date or known record");
    }

    private sealed record LeakyPerson(string Name, string Reflection);

    private sealed record LeakyDigest(int Count, string Notes, IReadOnlyList<LeakyPerson> People, IReadOnlyList<string> Tags, object Extra);
}
