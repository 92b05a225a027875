using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Method;
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
        if (meeting.Status == MeetingStatus.Planned)
        {
            intro.Text(InPerson);
        }

        if (firstEver)
        {
            intro.Text(TheMeeting.FirstOnesFeelAwkward);
        }

        return intro.Append(await runner.StartAsync(context, new FlowStart(PrepFlow.Name, person.Id, meeting.Id), ct));
    }

    /// <summary>
    /// Where and how long (METHOD.md §3, §9), said while the 1:1 is still to be booked. Once it is booked, the booking
    /// has said it: a call booked anyway is the organizer's decision, not something to repeat at every step.
    /// </summary>
    private const string InPerson =
        "When you book it, meet face to face if you can, for 30 to 45 minutes: a call is fine for setting it up, but trust grows in person.";

    /// <summary>
    /// What this kind of 1:1 is for (METHOD.md §1, §8), and for a recruitment 1:1 how to set up a first one (§2, §3).
    /// </summary>
    private static string KindAdvice(MeetingKind kind, string name)
    {
        var advice = $"{TheMeeting.Titled(kind)} with {name}. Focus: {TheMeeting.Focus(kind)}";
        return kind == MeetingKind.Recruitment
            ? advice + " For a first meeting, keep the invitation general; it's fine to save the ask for a second meeting."
            : advice;
    }
}
