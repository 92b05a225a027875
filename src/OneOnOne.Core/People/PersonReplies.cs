using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;

namespace OneOnOne.Core.People;

/// <summary>The answers every person-taking command gives when the person can't be pinned down.</summary>
public static class PersonReplies
{
    /// <summary>
    /// Null when <paramref name="lookup"/> found someone; otherwise the reply to give. For several
    /// matches it offers one button per person that re-runs <paramref name="command"/> with their id.
    /// </summary>
    /// <param name="notFound">What to say when nobody has the name; by default, how to add them.</param>
    public static Reply? Unresolved(PersonLookup lookup, string command, string rest = "", Func<string, string>? notFound = null) =>
        Unresolved(lookup, command, person => $"{command} #{person.Id} {rest}".TrimEnd(), notFound);

    /// <summary>As above, with <paramref name="retry"/> building the command each button runs.</summary>
    public static Reply? Unresolved(PersonLookup lookup, string command, Func<Person, string> retry, Func<string, string>? notFound = null) =>
        lookup switch
        {
            PersonLookup.NotFound missing when missing.Reference.Name.Length == 0 =>
                Reply.WithText($"Who do you mean? Add a name, like `{command} Maria`."),
            PersonLookup.NotFound missing => Reply.WithText((notFound ?? SuggestAdding)(missing.Reference.Name)),
            PersonLookup.Ambiguous ambiguous =>
                Reply.WithText($"More than one person fits “{ambiguous.Reference.Name}”. Which one do you mean?")
                    .Buttons(ambiguous.Candidates.Take(10).Select(p => Payloads.Command(p.Name, retry(p)))),
            _ => null,
        };

    /// <summary>For commands that can work with someone new once they're on the list (plan, schedule, level...).</summary>
    public static string SuggestAdding(string name) =>
        $"I don't know anyone called “{name}” yet. Add them with `list add {name}`, then try again.";

    /// <summary>For commands about what is already recorded, where adding someone would not help (forget, cancel...).</summary>
    public static Func<string, string> NothingRecorded(string whatWouldHappen) =>
        name => $"I have nothing about anyone called “{name}”, so there's nothing to {whatWouldHappen}. `list` shows the people on your list.";
}
