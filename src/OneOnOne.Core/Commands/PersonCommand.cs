using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>person &lt;person&gt; [history]</c>: the relationship card, or every reflection in full. Shows only the asking
/// organizer's own records; of other organizers it shows names, never what they wrote (README, "Where your data lives").
/// </summary>
public sealed class PersonCommand(IOneOnOneStore store, PersonResolver resolver) : ICommand
{
    private const string HistoryWord = "history";

    public string Name => "person";

    public CommandHelp Help { get; } = new(9, "person <person> [history]",
        "Everything you know about someone: level, 1:1s, your prep, what you noted; `history` for every reflection", "person Maria");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var wantsHistory = arguments.EndsWith(" " + HistoryWord, StringComparison.OrdinalIgnoreCase);
        var lookup = await resolver.FindAsync(context, wantsHistory ? arguments[..^HistoryWord.Length] : arguments, ct);
        if (PersonReplies.Unresolved(lookup, Name, wantsHistory ? HistoryWord : string.Empty) is { } problem)
        {
            return problem;
        }

        var (person, mine) = (PersonLookup.Found)lookup;
        var meetings = await store.Meetings.Include(m => m.Reflections)
            .Where(m => m.OrganizerId == context.Organizer.Id && m.PersonId == person.Id)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        return wantsHistory ? History(person, meetings, context.Zone, context.Now) : await CardAsync(context, person, mine, meetings, ct);
    }

    private async Task<Reply> CardAsync(ConversationContext context, Person person, Relationship? mine, List<Meeting> meetings, CancellationToken ct)
    {
        var me = context.Organizer.Id;
        var zone = context.Zone;
        var history = await store.LevelChanges.Where(c => c.PersonId == person.Id).OrderBy(c => c.ChangedAt).ToListAsync(ct);
        var referrer = mine?.ReferredByPersonId is { } rid ? await store.People.Where(p => p.Id == rid).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        var referred = await store.Relationships.Where(r => r.OrganizerId == me && r.ReferredByPersonId == person.Id)
            .OrderBy(r => r.Person.Name).Select(r => r.Person.Name).ToListAsync(ct);
        var next = await store.FollowUps
            .Where(f => f.OrganizerId == me && f.PersonId == person.Id
                        && (f.Status == FollowUpStatus.Pending || f.Status == FollowUpStatus.Held))
            .OrderBy(f => f.DueAt)
            .FirstOrDefaultAsync(ct);
        var others = await store.Relationships
            .Where(r => r.PersonId == person.Id && r.OrganizerId != me)
            .Select(r => r.Organizer.DisplayName)
            .ToListAsync(ct);

        var fields = new List<Field>
        {
            new("Level", history.Count == 0 ? Labels.Of(person.Level) : string.Join(" → ",
                history.Select(c => $"{Labels.Of(c.To)} ({Zones.DescribeDate(c.ChangedAt, zone, context.Now)})"))),
            new("On your list", mine?.OnList == true ? "yes" : "no"),
        };
        AddIf(fields, "Met at", mine?.MetAt);
        AddIf(fields, "Referred by", referrer);
        AddIf(fields, "Referred you to", referred.Count == 0 ? null : string.Join(", ", referred));
        AddIf(fields, "Next follow-up", next is null ? null
            : $"{Labels.Of(next.Kind)} ({next.Reference}), {Zones.Describe(next.DueAt, zone, context.Now)}" +
              (next.Status == FollowUpStatus.Held ? ", held while I waited to hear from you" : string.Empty));
        AddIf(fields, "Also in touch", others.Count == 0 ? null : string.Join(", ", others));

        var reply = new Reply().Header(person.Name).Fields(fields);
        reply.Text(meetings.Count == 0
            ? $"No 1:1s yet. `plan {person.Name}` to prepare one."
            : "1:1s:\n" + string.Join('\n', meetings.Select(m => "• " + DescribeMeeting(m, zone, context.Now))));

        var open = meetings.Where(m => m.HasOpenCommitment).ToList();
        if (open.Count > 0)
        {
            reply.Text("Open commitments:\n" + string.Join('\n', open.Select(m =>
                $"• {m.Commitment}{(m.CommitmentDueAt is { } due ? $" (by {Zones.DescribeDate(due, zone, context.Now)})" : string.Empty)}")));
        }

        if (LatestPrep(meetings, zone, context.Now) is { } prep)
        {
            reply.Text(prep);
        }

        if (Noted(meetings, mine, zone, context.Now) is { } noted)
        {
            reply.Text(noted);
        }

        if (meetings.Sum(m => m.Reflections.Count) > 1)
        {
            reply.Text($"Every reflection, dated: `person {person.Name} {HistoryWord}`.");
        }

        return reply;
    }

    private static Reply History(Person person, List<Meeting> meetings, TimeZoneInfo zone, DateTimeOffset now)
    {
        var reflections = meetings
            .SelectMany(m => m.Reflections.Select(r => (Meeting: m, Reflection: r)))
            .OrderByDescending(x => x.Reflection.CompletedAt)
            .ThenByDescending(x => x.Reflection.Id)
            .ToList();
        var reply = new Reply().Header($"{person.Name}: your reflections");
        if (reflections.Count == 0)
        {
            return reply.Text($"You haven't reflected on a 1:1 with {person.Name} yet. After you meet, `reflect {person.Name}`.");
        }

        reply.Text("Newest first. Only you see these.");
        foreach (var (meeting, reflection) in reflections)
        {
            var held = meeting.HeldAt ?? meeting.StartsAt;
            var title = $"{Zones.DescribeDate(reflection.CompletedAt, zone, now)}, on your 1:1" +
                        (held is { } at ? $" of {Zones.DescribeDate(at, zone, now)}" : string.Empty);
            var lines = ReflectionField.All
                .Where(f => f.Read(reflection) is not null)
                .Select(f => $"• {f.Label}: {f.Read(reflection)}");
            reply.Text(title + "\n" + string.Join('\n', lines));
        }

        return reply;
    }

    private static string DescribeMeeting(Meeting m, TimeZoneInfo zone, DateTimeOffset now)
    {
        var when = m.HeldAt ?? m.StartsAt;
        var parts = new List<string>
        {
            when is null ? "not scheduled yet" : Zones.Describe(when.Value, zone, now),
            Labels.Of(m.Kind),
            Labels.Of(m.Status),
        };
        if (m.Prep.Ask is not null)
        {
            parts.Add($"ask: {m.Prep.Ask}" + (m.Answer is { } a ? $" → {Labels.Of(a)}" : string.Empty));
        }
        else if (m.Answer is { } answer)
        {
            parts.Add($"answer: {Labels.Of(answer)}");
        }

        var line = string.Join(" · ", parts);
        return m.AnswerNote is { } note
            ? $"{line}\n   {(m.Answer == AskAnswer.Maybe ? "What the maybe meant" : "About their answer")}: {note}"
            : line;
    }

    /// <summary>
    /// The prep for the 1:1 being prepared or scheduled, else for the latest one prepared: every answer, as typed.
    /// </summary>
    private static string? LatestPrep(List<Meeting> meetings, TimeZoneInfo zone, DateTimeOffset now)
    {
        var prepared = meetings.Where(m => m.Prep.CompletedAt is not null).ToList();
        var meeting = prepared.LastOrDefault(m => m.Status is MeetingStatus.Planned or MeetingStatus.Scheduled) ?? prepared.LastOrDefault();
        if (meeting is null)
        {
            return null;
        }

        var when = meeting.HeldAt ?? meeting.StartsAt;
        var title = meeting.Status is MeetingStatus.Planned or MeetingStatus.Scheduled
            ? "Your prep for the next 1:1" + (when is { } next ? $" ({Zones.Describe(next, zone, now)})" : string.Empty)
            : "Your prep for your last 1:1" + (when is { } last ? $" ({Zones.DescribeDate(last, zone, now)})" : string.Empty);
        var lines = PrepField.All
            .Where(f => f.Read(meeting.Prep) is not null)
            .Select(f => $"• {f.Label}: {f.Read(meeting.Prep)}")
            .ToList();
        return lines.Count == 0 ? null : $"{title}, only you see it:\n{string.Join('\n', lines)}";
    }

    /// <summary>
    /// Each reflection question's latest answer with its date (the self-evaluation apart, as it is about the
    /// organizer), then their own notes. Who they suggested is in the fields above, as people.
    /// </summary>
    private static string? Noted(List<Meeting> meetings, Relationship? mine, TimeZoneInfo zone, DateTimeOffset now)
    {
        var latest = NotedAnswer.Latest(meetings.SelectMany(m => m.Reflections))
            .Where(a => a.Field != ReflectionField.Referrals)
            .ToList();
        var sections = new List<string>();
        var aboutThem = latest.Where(a => !a.Field.AboutYou).Select(a => Line(a, zone, now)).ToList();
        if (aboutThem.Count > 0)
        {
            sections.Add(string.Join('\n', aboutThem));
        }

        var aboutYou = latest.Where(a => a.Field.AboutYou).Select(a => Line(a, zone, now)).ToList();
        if (aboutYou.Count > 0)
        {
            sections.Add("About you:\n" + string.Join('\n', aboutYou));
        }

        if (mine?.Notes is { } notes)
        {
            sections.Add("Your notes:\n" + notes);
        }

        return sections.Count == 0 ? null : "What you've noted (only you see this):\n" + string.Join("\n\n", sections);
    }

    private static string Line(NotedAnswer answer, TimeZoneInfo zone, DateTimeOffset now) =>
        $"• {answer.Field.Label}: {answer.Text} ({Zones.DescribeDate(answer.At, zone, now)})";

    private static void AddIf(List<Field> fields, string label, string? value)
    {
        if (value is not null)
        {
            fields.Add(new Field(label, value));
        }
    }
}
