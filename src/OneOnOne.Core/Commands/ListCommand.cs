using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>list</c>, <c>list add</c>, <c>list remove</c>: the people an organizer wants a 1:1 with.</summary>
public sealed class ListCommand(IOneOnOneStore store, PersonResolver resolver, PeopleDirectory directory, OrganizerNudges nudges) : ICommand
{
    /// <summary>The method suggests keeping about this many people on the list.</summary>
    public const int SuggestedSize = 10;

    private const string MetAt = " met at ";
    private const string ReferredBy = " referred by ";

    /// <summary>Starts a name that is someone new even though it looks like people already known: <c>list add new: Maria</c>.</summary>
    private const string NewMarker = "new:";

    public string Name => "list";

    public CommandHelp Help { get; } = new(1, "list [add <person> [met at … | referred by …] | remove <person>]",
        "The people you want a 1:1 with", "list add Maria Lopez met at the kickoff");

    public Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var (verb, rest) = CommandLine.Split(arguments);
        return verb switch
        {
            "" => ShowAsync(context, ct),
            "add" => AddAsync(context, rest, ct),
            "remove" or "rm" or "delete" => RemoveAsync(context, rest, ct),
            _ => Task.FromResult(Reply.WithText(
                "I can show your list (`list`), add to it (`list add Maria met at the kickoff`) or take someone off (`list remove Maria`).")),
        };
    }

    private async Task<Reply> ShowAsync(ConversationContext context, CancellationToken ct)
    {
        var onList = await store.Relationships
            .Where(r => r.OrganizerId == context.Organizer.Id && r.OnList)
            .Select(r => new
            {
                r.Person.Name,
                r.Person.Level,
                r.MetAt,
                ReferredBy = r.ReferredBy != null ? r.ReferredBy.Name : null,
                Held = store.Meetings.Count(m => m.OrganizerId == r.OrganizerId && m.PersonId == r.PersonId && m.Status == MeetingStatus.Held),
                Open = store.Meetings.Any(m => m.OrganizerId == r.OrganizerId && m.PersonId == r.PersonId
                                               && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Scheduled)),
            })
            .OrderBy(r => r.Name)
            .ToListAsync(ct);

        if (onList.Count == 0)
        {
            return Reply.WithText("Your list is empty. Who would you like to sit down with? " +
                                  $"Start with a few names (the method suggests about {SuggestedSize}): `list add Maria Lopez met at the kickoff`.");
        }

        var lines = onList.Select(p =>
        {
            // Both, when both are known: a referral adds to how they met, it never stands in for it.
            var source = Source(p.MetAt, p.ReferredBy);
            var state = p.Open ? "1:1 in the works" : p.Held > 0 ? $"{Counted.OneOnOnes(p.Held)} held" : "not contacted yet";
            return $"• {p.Name} ({Labels.Of(p.Level)}{source}): {state}";
        });
        var reply = new Reply().Header($"Your list ({onList.Count})").Text(string.Join('\n', lines));
        if (onList.Count < SuggestedSize)
        {
            reply.Text($"The method suggests about {SuggestedSize} people; who else comes to mind?");
        }

        return reply;
    }

    private async Task<Reply> AddAsync(ConversationContext context, string text, CancellationToken ct)
    {
        var (name, metAt, referredByName) = SplitSource(text);
        var source = text.Trim()[name.Length..];
        var isNew = name.StartsWith(NewMarker, StringComparison.OrdinalIgnoreCase);
        name = isNew ? name[NewMarker.Length..].Trim() : name;
        if (name.Length == 0)
        {
            return Reply.WithText("Who should I add? For example `list add Maria Lopez met at the kickoff` or `list add Sam referred by Maria`.");
        }

        if (name.Length > 200)
        {
            return Reply.WithText("That name is very long; please keep it under 200 characters.");
        }

        var reference = PersonReference.Parse(name);
        if (!isNew && reference is { Id: null, MentionId: null }
            && AskWhoFirst(await resolver.FindLookalikesAsync(context, name, ct), name, source) is { } question)
        {
            return question;
        }

        Person? referrer = null;
        if (referredByName is not null)
        {
            var lookup = await resolver.FindAsync(context, referredByName, ct);
            if (PersonReplies.Unresolved(lookup, "list add", p => $"list add {name} referred by #{p.Id}") is { } problem && lookup is PersonLookup.Ambiguous)
            {
                return problem;
            }

            referrer = lookup is PersonLookup.Found found
                ? found.Person
                : (await directory.AddAsync(context, PersonReference.Parse(referredByName), null, null, null, ct)).Person;
        }

        Person? existing = null;
        if (reference.Id is not null)
        {
            if (await resolver.FindAsync(context, name, ct) is not PersonLookup.Found byId)
            {
                return Reply.WithText("I couldn't find that person any more. Try adding them by name.");
            }

            existing = byId.Person;
        }

        var added = await directory.AddAsync(context, reference, existing, metAt, referrer, ct);
        await store.SaveChangesAsync(ct);
        await nudges.PlanUncontactedAsync(context.Organizer, context.Now, ct);
        await store.SaveChangesAsync(ct);

        // Read back from the record, so what the organizer sees is what was kept: a referral they gave doesn't replace
        // an earlier one, and a place they didn't give this time is still there.
        await store.Relationships.Entry(added.Relationship).Reference(r => r.ReferredBy).LoadAsync(ct);
        var known = Source(added.Relationship.MetAt, added.Relationship.ReferredBy?.Name);
        var reply = Reply.WithText(added.WasAlreadyOnList
            ? $"{added.Person.Name} is already on your list{known}."
            : $"Added {added.Person.Name} to your list{known}.");
        if (added.AlsoAddedBy.Count > 0)
        {
            reply.Text($"Heads-up: {string.Join(" and ", added.AlsoAddedBy)} also added {added.Person.Name} recently. " +
                       "Worth a quick word so you don't both reach out at once.");
        }

        return reply.Buttons(Payloads.Command($"Plan a 1:1 with {added.Person.Name}", $"plan #{added.Person.Id}"));
    }

    private async Task<Reply> RemoveAsync(ConversationContext context, string text, CancellationToken ct)
    {
        var lookup = await resolver.FindAsync(context, text, ct);
        if (PersonReplies.Unresolved(lookup, "list remove", notFound: name => $"{name} isn't on your list, so there's nothing to remove. `list` shows who is.") is { } problem)
        {
            return problem;
        }

        var found = (PersonLookup.Found)lookup;
        if (found.Mine is not { OnList: true } mine)
        {
            return Reply.WithText($"{found.Person.Name} isn't on your list, so there's nothing to remove.");
        }

        mine.OnList = false;
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"Took {found.Person.Name} off your list. Their history stays; `forget {found.Person.Name}` erases it.");
    }

    /// <summary>
    /// A new name that could be someone already known ("Maria" when there's a Maria Lopez) is asked about
    /// before anyone is added: one button per person it could be, each re-running the add with their id and
    /// whatever followed the name (<paramref name="source"/>), and one for someone new. Null when the name is
    /// new, or is exactly one person's and fits nobody else.
    /// </summary>
    private static Reply? AskWhoFirst(IReadOnlyList<Person> lookalikes, string name, string source)
    {
        var wanted = Person.Normalize(name);
        if (lookalikes.Count == 0 || (lookalikes.Count == 1 && lookalikes[0].NormalizedName == wanted))
        {
            return null;
        }

        var shown = lookalikes.Take(10).ToList();
        var names = shown.Select(p => p.Name).ToList();
        var choices = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
        var buttons = shown.Select(p => Payloads.Command(p.Name, $"list add #{p.Id}{source}")).ToList();

        // Someone new with exactly a known person's name would make that name fit two people forever.
        if (shown.Any(p => p.NormalizedName == wanted))
        {
            return Reply.WithText($"Do you mean {choices}? If it's someone else, add them with a fuller name, " +
                                  $"like `list add {name} <surname>`.").Buttons(buttons);
        }

        buttons.Add(Payloads.Command($"Someone new: add {name}", $"list add {NewMarker} {name}{source}"));
        return Reply.WithText($"Do you mean {choices}, or someone new?").Buttons(buttons);
    }

    /// <summary>
    /// Reads <c>&lt;name&gt; [met at …] [referred by …]</c>, the two clauses in either order: each runs from its marker
    /// to the other one's, or to the end. The markers are whole phrases with spaces around them, so a name or a place
    /// with "at" or "by" in it ("Abby Bates", "met at Bywater Park") reads as written; only the phrases themselves
    /// can't be part of a name or a place.
    /// </summary>
    private static (string Name, string? MetAt, string? ReferredBy) SplitSource(string text)
    {
        var padded = " " + text.Trim();
        var metAt = padded.IndexOf(MetAt, StringComparison.OrdinalIgnoreCase);
        var referredBy = padded.IndexOf(ReferredBy, StringComparison.OrdinalIgnoreCase);
        var starts = new[] { metAt, referredBy, padded.Length }.Where(at => at >= 0).ToList();

        string? Clause(int at, string marker)
        {
            if (at < 0)
            {
                return null;
            }

            // The markers share their spaces, so the next one may begin on this one's last space ("met at referred by").
            var from = at + marker.Length;
            var to = starts.Where(start => start > at).Min();
            var clause = to > from ? padded[from..to].Trim() : string.Empty;
            return clause.Length == 0 ? null : clause;
        }

        return (padded[..starts.Min()].Trim(), Clause(metAt, MetAt), Clause(referredBy, ReferredBy));
    }

    /// <summary>How the organizer knows them, as the list shows it: ", met at the kickoff, referred by Jo Park".</summary>
    private static string Source(string? metAt, string? referredBy) =>
        (metAt is not null ? $", met at {metAt}" : string.Empty) + (referredBy is not null ? $", referred by {referredBy}" : string.Empty);
}
