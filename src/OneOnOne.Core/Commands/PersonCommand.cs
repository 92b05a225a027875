using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>person &lt;person&gt;</c>: the relationship card. Shows only the asking organizer's own meetings,
/// notes and reflections; of other organizers it shows names, never what they wrote.
/// </summary>
public sealed class PersonCommand(IOneOnOneStore store, PersonResolver resolver) : ICommand
{
    public string Name => "person";

    public CommandHelp Help { get; } = new(9, "person <person>", "Everything you know about someone: level, 1:1s, asks, commitments, notes", "person Maria");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var lookup = await resolver.FindAsync(context, arguments, ct);
        if (PersonReplies.Unresolved(lookup, Name) is { } problem)
        {
            return problem;
        }

        var (person, mine) = (PersonLookup.Found)lookup;
        var me = context.Organizer.Id;
        var zone = context.Zone;
        var history = await store.LevelChanges.Where(c => c.PersonId == person.Id).OrderBy(c => c.ChangedAt).ToListAsync(ct);
        var referrer = mine?.ReferredByPersonId is { } rid ? await store.People.Where(p => p.Id == rid).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        var referred = await store.Relationships.Where(r => r.OrganizerId == me && r.ReferredByPersonId == person.Id)
            .OrderBy(r => r.Person.Name).Select(r => r.Person.Name).ToListAsync(ct);
        var meetings = await store.Meetings.Include(m => m.Reflections)
            .Where(m => m.OrganizerId == me && m.PersonId == person.Id)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        var next = await store.FollowUps
            .Where(f => f.OrganizerId == me && f.PersonId == person.Id && f.Status == FollowUpStatus.Pending)
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
        AddIf(fields, "Referred to you", referred.Count == 0 ? null : string.Join(", ", referred));
        AddIf(fields, "Next follow-up", next is null ? null : $"{Labels.Of(next.Kind)}, {Zones.Describe(next.DueAt, zone, context.Now)}");
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

        var notes = PrivateNotes(mine, meetings);
        if (notes.Count > 0)
        {
            reply.Text("Your private notes (only you see these):\n" + string.Join('\n', notes));
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

        return string.Join(" · ", parts);
    }

    private static List<string> PrivateNotes(Relationship? mine, List<Meeting> meetings)
    {
        var notes = new List<string>();
        if (mine?.Notes is { } own)
        {
            notes.Add(own);
        }

        if (meetings.LastOrDefault(m => m.IsReflectedOn)?.LatestReflection is { } r)
        {
            AddNote(notes, "Cares about", r.CaresAbout);
            AddNote(notes, "Their story", r.Story);
            AddNote(notes, "Excited by", r.Excites);
            AddNote(notes, "Talents", r.Talents);
            AddNote(notes, "Common ground", r.CommonGround);
        }

        return notes;
    }

    private static void AddNote(List<string> notes, string label, string? value)
    {
        if (value is not null)
        {
            notes.Add($"{label}: {value}");
        }
    }

    private static void AddIf(List<Field> fields, string label, string? value)
    {
        if (value is not null)
        {
            fields.Add(new Field(label, value));
        }
    }
}
