using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>plan &lt;person&gt; [kind]</c>: starts the preparation flow for a 1:1.</summary>
public sealed class PlanCommand(IOneOnOneStore store, PersonResolver resolver, PeopleDirectory directory, MeetingBook meetings, FlowRunner runner) : ICommand
{
    public string Name => "plan";

    public CommandHelp Help { get; } = new(3, "plan <person> [recruitment|maintenance|escalation]",
        "Prepare a 1:1: your goal, their interests, the ask", "plan Maria recruitment");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        MeetingKind? kind = words.Length > 1 && Labels.TryParseKind(words[^1], out var parsed) ? parsed : null;
        var personText = kind is null ? arguments : string.Join(' ', words[..^1]);

        var lookup = await resolver.FindAsync(context, personText, ct);
        if (PersonReplies.Unresolved(lookup, "plan", kind is null ? string.Empty : Labels.Of(kind.Value)) is { } problem)
        {
            return problem;
        }

        var (person, mine) = (PersonLookup.Found)lookup;
        mine ??= await directory.EnsureMineAsync(context, person, ct);
        var meeting = await meetings.FindOpenAsync(context, person.Id, ct);
        var firstEver = meeting is null && !await store.Meetings.AnyAsync(m => m.OrganizerId == context.Organizer.Id, ct);
        if (meeting is null)
        {
            meeting = meetings.Create(context, person, kind ?? await meetings.DefaultKindAsync(context, person.Id, ct));
            if (mine.MetAt is { } metAt)
            {
                meeting.Prep.Connection = $"we met at {metAt}";
            }
        }
        else if (kind is { } newKind)
        {
            meeting.Kind = newKind;
        }

        await store.SaveChangesAsync(ct);
        var intro = Reply.WithText(KindAdvice(meeting.Kind, person.Name));
        if (firstEver)
        {
            intro.Text(FirstTime);
        }

        return intro.Append(await runner.StartAsync(context, new FlowStart(PrepFlow.Name, person.Id, meeting.Id), ct));
    }

    /// <summary>METHOD.md §9: beginners wait for the perfect first 1:1; the guides say to start anyway.</summary>
    private const string FirstTime =
        "The first few 1:1s often feel awkward, and that's normal: they don't need to be perfect, they just need to happen.";

    /// <summary>What this kind of 1:1 is for, and how to prepare for it (METHOD.md §1, §2, §8).</summary>
    private static string KindAdvice(MeetingKind kind, string name) => kind switch
    {
        MeetingKind.Maintenance =>
            $"A maintenance 1:1 with {name}: hear how their involvement is going and what they need, "
            + "and look for a small next step that fits what they care about.",
        MeetingKind.Escalation =>
            $"An escalation 1:1 with {name}: you're inviting them into a new role or responsibility. "
            + "Be clear about the role you have in mind and why it fits them, and come ready to ask.",
        _ =>
            $"A recruitment 1:1 with {name}: get to know them, share your story, and find what they care about. "
            + "For a first meeting, keep the invitation general; it's fine to save the ask for a second meeting.",
    };
}
