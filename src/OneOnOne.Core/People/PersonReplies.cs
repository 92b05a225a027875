using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;

namespace OneOnOne.Core.People;

/// <summary>The answers every person-taking command gives when the person can't be pinned down.</summary>
public static class PersonReplies
{
    /// <summary>
    /// Null when <paramref name="lookup"/> found someone; otherwise the reply to give. For several
    /// matches it offers one button per person that re-runs <paramref name="command"/> with their id.
    /// </summary>
    public static Reply? Unresolved(PersonLookup lookup, string command, string rest = "") =>
        Unresolved(lookup, command, person => $"{command} #{person.Id} {rest}".TrimEnd());

    /// <summary>As above, with <paramref name="retry"/> building the command each button runs.</summary>
    public static Reply? Unresolved(PersonLookup lookup, string command, Func<Person, string> retry) => lookup switch
    {
        PersonLookup.NotFound notFound when notFound.Reference.Name.Length == 0 =>
            Reply.WithText($"Who do you mean? Add a name, like `{command} Maria`."),
        PersonLookup.NotFound notFound =>
            Reply.WithText($"I don't know anyone called “{notFound.Reference.Name}” yet. " +
                           $"Add them with `list add {notFound.Reference.Name}`, then try again."),
        PersonLookup.Ambiguous ambiguous =>
            Reply.WithText($"More than one person fits “{ambiguous.Reference.Name}”. Which one do you mean?")
                .Buttons(ambiguous.Candidates.Take(10).Select(p =>
                    Payloads.Command(p.Name, retry(p)))),
        _ => null,
    };
}
