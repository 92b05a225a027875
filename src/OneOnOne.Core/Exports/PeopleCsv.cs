using System.Globalization;
using CsvHelper;
using OneOnOne.Core.Domain;

namespace OneOnOne.Core.Exports;

/// <summary>
/// The organizer's own people and 1:1s as one spreadsheet-friendly CSV: a row per meeting, and a row for each
/// person they have not met yet. It holds private notes, so it is only ever for the organizer who owns them.
/// </summary>
/// <remarks>
/// Everything recorded about a 1:1 is in its row: the prep, the answer and what a maybe meant, and every
/// reflection. A 1:1 reflected on more than once keeps one row (so a sheet still counts 1:1s); each reflection
/// cell then holds every answer to that question, newest first, each with its date. New columns are only ever
/// added at the end, so a spreadsheet built on the export keeps working.
/// </remarks>
public static class PeopleCsv
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Person", "Level", "On list", "Met at", "Referred by", "Notes",
        "Meeting kind", "Meeting status", "Starts", "Minutes", "Place", "Ask", "Answer",
        "Commitment", "Commitment due", .. ReflectionField.All.Select(f => f.Column), "Reflected on",
        "What the maybe meant", .. PrepColumns.Select(f => f.Column), "Held",
    ];

    /// <summary>The prep besides the ask, which has had its own column from the start.</summary>
    private static PrepField[] PrepColumns => [.. PrepField.All.Where(f => f != PrepField.Ask)];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // Every cell is text the organizer typed; a spreadsheet would run one starting with = + - @ as a formula.
        Injection = CsvInjection.Escape,
        // Excel only reads a CSV as UTF-8 (names with accents) when it starts with a byte order mark.
        WriteByteOrderMark = true,
    };

    /// <param name="relationships">The organizer's relationships, with <see cref="Relationship.Person"/> and
    /// <see cref="Relationship.ReferredBy"/> loaded.</param>
    /// <param name="meetings">The organizer's meetings, with <see cref="Meeting.Person"/> and
    /// <see cref="Meeting.Reflections"/> loaded.</param>
    /// <param name="zone">The organizer's time zone, for the local start and due dates.</param>
    public static byte[] Write(IEnumerable<Relationship> relationships, IEnumerable<Meeting> meetings, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(zone);

        var meetingList = meetings.ToList();
        var people = new Dictionary<int, (Relationship? Relationship, Person? Person)>();
        foreach (var relationship in relationships)
        {
            people.TryAdd(PersonKey(relationship.PersonId, relationship.Person), (relationship, relationship.Person));
        }

        // A meeting whose person is missing from the relationships still belongs in the export, and a meeting can
        // supply the person when the relationship was loaded without it.
        foreach (var meeting in meetingList)
        {
            var key = PersonKey(meeting.PersonId, meeting.Person);
            if (!people.TryGetValue(key, out var known))
            {
                people[key] = (null, meeting.Person);
            }
            else if (known.Person is null && meeting.Person is not null)
            {
                people[key] = (known.Relationship, meeting.Person);
            }
        }

        var meetingsByPerson = meetingList.ToLookup(m => PersonKey(m.PersonId, m.Person));

        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader(Headers.ToArray());
            var ordered = people
                .OrderBy(p => p.Value.Person?.Name ?? "", StringComparer.InvariantCultureIgnoreCase)
                .ThenBy(p => p.Key);
            foreach (var (key, (relationship, person)) in ordered)
            {
                var personCells = PersonCells(relationship, person);
                var theirMeetings = meetingsByPerson[key]
                    .OrderBy(m => m.StartsAt is null)
                    .ThenBy(m => m.StartsAt)
                    .ThenBy(m => m.Id)
                    .ToList();
                if (theirMeetings.Count == 0)
                {
                    WriteRow(csv, personCells, new string?[Headers.Count - personCells.Length]);
                }

                foreach (var meeting in theirMeetings)
                {
                    WriteRow(csv, personCells, MeetingCells(meeting, zone));
                }
            }
        }

        return stream.ToArray();
    }

    // Unsaved or partly loaded entities may carry only the navigation property, not the foreign key.
    private static int PersonKey(int personId, Person? person) => personId != 0 ? personId : person?.Id ?? 0;

    private static string?[] PersonCells(Relationship? relationship, Person? person) =>
    [
        person?.Name,
        person?.Level is { } level ? LevelLabel(level) : null,
        relationship is null ? null : relationship.OnList ? "Yes" : "No",
        relationship?.MetAt,
        relationship?.ReferredBy?.Name,
        relationship?.Notes,
    ];

    private static string?[] MeetingCells(Meeting meeting, TimeZoneInfo zone) =>
    [
        meeting.Kind.ToString(),
        meeting.Status.ToString(),
        Local(meeting.StartsAt, zone, "yyyy-MM-dd HH:mm"),
        meeting.DurationMinutes.ToString(CultureInfo.InvariantCulture),
        meeting.Place,
        meeting.Prep?.Ask,
        AnswerLabel(meeting),
        meeting.Commitment,
        Local(meeting.CommitmentDueAt, zone, "yyyy-MM-dd"),
        .. ReflectionCells(meeting, zone),
        meeting.AnswerNote,
        .. PrepColumns.Select(f => meeting.Prep is null ? null : f.Read(meeting.Prep)),

        // When it happened, as the card shows it: a 1:1 marked held early or without a booking differs from "Starts".
        Local(meeting.HeldAt, zone, "yyyy-MM-dd HH:mm"),
    ];

    /// <summary>Each question's answers, newest first (dated when there are several), then the reflections' dates.</summary>
    private static IEnumerable<string?> ReflectionCells(Meeting meeting, TimeZoneInfo zone)
    {
        var newestFirst = meeting.Reflections.OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id).ToList();
        foreach (var field in ReflectionField.All)
        {
            var answers = newestFirst.Where(r => field.Read(r) is not null).ToList();
            yield return answers.Count switch
            {
                0 => null,
                1 => field.Read(answers[0]),
                _ => string.Join('\n', answers.Select(r => $"{Local(r.CompletedAt, zone, "yyyy-MM-dd")}: {field.Read(r)}")),
            };
        }

        yield return newestFirst.Count == 0 ? null : string.Join("; ", newestFirst.Select(r => Local(r.CompletedAt, zone, "yyyy-MM-dd")));
    }

    private static void WriteRow(CsvWriter csv, string?[] personCells, string?[] meetingCells)
    {
        foreach (var cell in personCells.Concat(meetingCells))
        {
            csv.WriteField(cell);
        }

        csv.EndRecord();
    }

    private static string? Local(DateTimeOffset? utc, TimeZoneInfo zone, string format) =>
        utc is { } instant
            ? TimeZoneInfo.ConvertTime(instant, zone).ToString(format, CultureInfo.InvariantCulture)
            : null;

    // The pyramid's names as the method uses them, rather than the enum's short identifiers.
    private static string LevelLabel(EngagementLevel level) => level switch
    {
        EngagementLevel.Follower => "Follower",
        EngagementLevel.Contributor => "Contributor",
        EngagementLevel.Active => "Active supporter",
        EngagementLevel.Core => "Core leader",
        _ => level.ToString(),
    };

    private static string? AnswerLabel(Meeting meeting) => (meeting.Answer, meeting.NoReason) switch
    {
        (null, _) => null,
        (AskAnswer.No, NoReason.Date) => "No (to the date)",
        (AskAnswer.No, NoReason.Activity) => "No (to the activity)",
        (var answer, _) => answer.ToString(),
    };
}
