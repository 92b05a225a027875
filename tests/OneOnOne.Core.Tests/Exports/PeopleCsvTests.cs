using System.Text;
using CsvHelper;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Exports;

namespace OneOnOne.Core.Tests.Exports;

public class PeopleCsvTests
{
    private static readonly string[] ExpectedHeaders =
    [
        "Person", "Level", "On list", "Met at", "Referred by", "Notes",
        "Meeting kind", "Meeting status", "Starts", "Minutes", "Place", "Ask", "Answer",
        "Commitment", "Commitment due", "Reflection: common ground", "Reflection: cares about",
        // Added for issue 9, at the end so existing sheets keep their columns.
        "Reflection: excited by", "Reflection: talents", "Reflection: their story", "Reflection: referrals",
        "Reflection: meet again", "Reflection: did well", "Reflection: do differently", "Reflection: leads not followed",
        "Reflected on", "What the maybe meant", "Prep: goal", "Prep: why them", "Prep: their interest",
        "Prep: known and hoped", "Prep: your story", "Prep: connection", "Prep: invitation purpose", "Prep: alternatives",
        "Held",
    ];

    // A fixed +02:00 zone keeps the test independent of the machine's time zone database.
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.CreateCustomTimeZone("Test/PlusTwo", TimeSpan.FromHours(2), "Plus two", "Plus two");

    private static Person NewPerson(int id, string name, EngagementLevel? level = null) =>
        new() { Id = id, Name = name, NormalizedName = Person.Normalize(name), Level = level };

    private static Relationship RelationshipWith(Person person, string? metAt = null, string? notes = null, Person? referredBy = null) =>
        new()
        {
            PersonId = person.Id,
            Person = person,
            OnList = true,
            MetAt = metAt,
            Notes = notes,
            ReferredBy = referredBy,
            ReferredByPersonId = referredBy?.Id,
        };

    private static Meeting MeetingWith(Person person, int id, DateTimeOffset? startsAt) =>
        new() { Id = id, PersonId = person.Id, Person = person, StartsAt = startsAt, Status = MeetingStatus.Scheduled };

    private static (IReadOnlyList<string> Headers, List<Dictionary<string, string>> Rows) Parse(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, null);
        var headers = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var cells = reader.Current.ToArray();
            Assert.Equal(headers.Count, cells.Length);
            rows.Add(headers.Zip(cells).ToDictionary(p => p.First, p => p.Second));
        }

        return (headers, rows);
    }

    [Fact]
    public void Writes_the_human_headers_in_order()
    {
        var (headers, rows) = Parse(PeopleCsv.Write([], [], Zone));

        Assert.Equal(ExpectedHeaders, headers);
        Assert.Empty(rows);
    }

    [Fact]
    public void One_row_per_meeting_and_one_for_each_person_not_yet_met_ordered_by_name_then_start()
    {
        var maria = NewPerson(1, "maria", EngagementLevel.Follower);
        var ana = NewPerson(2, "Ana Lopez", EngagementLevel.Active);
        var ben = NewPerson(3, "Ben");
        var later = MeetingWith(ana, 10, new DateTimeOffset(2026, 12, 8, 17, 0, 0, TimeSpan.Zero));
        var earlier = MeetingWith(ana, 11, new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero));
        earlier.Kind = MeetingKind.Recruitment;
        earlier.Status = MeetingStatus.Held;
        earlier.HeldAt = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero); // marked held before the booked start
        earlier.Place = "Café Rio";
        earlier.Prep.Ask = "Come to the training";
        earlier.Answer = AskAnswer.Yes;
        earlier.Commitment = "Attend the Saturday training";
        // 22:30 UTC on the 12th is already the 13th in the organizer's zone.
        earlier.CommitmentDueAt = new DateTimeOffset(2026, 12, 12, 22, 30, 0, TimeSpan.Zero);
        earlier.Reflections.Add(new Reflection { CommonGround = "Both renters", CaresAbout = "Her kids' school" });

        var csv = PeopleCsv.Write(
            [RelationshipWith(maria), RelationshipWith(ben), RelationshipWith(ana, "the kickoff", "Nurse", referredBy: maria)],
            [later, earlier],
            Zone);

        var (_, rows) = Parse(csv);
        Assert.Equal(["Ana Lopez", "Ana Lopez", "Ben", "maria"], rows.Select(r => r["Person"]));

        var first = rows[0];
        Assert.Equal("Active supporter", first["Level"]);
        Assert.Equal("Yes", first["On list"]);
        Assert.Equal("the kickoff", first["Met at"]);
        Assert.Equal("maria", first["Referred by"]);
        Assert.Equal("Nurse", first["Notes"]);
        Assert.Equal("Recruitment", first["Meeting kind"]);
        Assert.Equal("Held", first["Meeting status"]);
        Assert.Equal("2026-12-01 18:30", first["Starts"]);
        Assert.Equal("2026-12-01 18:00", first["Held"]);
        Assert.Equal("45", first["Minutes"]);
        Assert.Equal("Café Rio", first["Place"]);
        Assert.Equal("Come to the training", first["Ask"]);
        Assert.Equal("Yes", first["Answer"]);
        Assert.Equal("Attend the Saturday training", first["Commitment"]);
        Assert.Equal("2026-12-13", first["Commitment due"]);
        Assert.Equal("Both renters", first["Reflection: common ground"]);
        Assert.Equal("Her kids' school", first["Reflection: cares about"]);

        Assert.Equal("2026-12-08 19:00", rows[1]["Starts"]);

        var benRow = rows[2];
        Assert.All(ExpectedHeaders[6..], header => Assert.Equal("", benRow[header]));
        Assert.Equal("", benRow["Level"]);
        Assert.Equal("Follower", rows[3]["Level"]);
    }

    [Fact]
    public void A_1_1_reflected_on_twice_keeps_one_row_with_every_answer_newest_first()
    {
        var ana = NewPerson(1, "Ana");
        var meeting = MeetingWith(ana, 1, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        meeting.Answer = AskAnswer.Maybe;
        meeting.AnswerNote = "Needs childcare first";
        meeting.Prep.Goal = "Lead the Saturday shift";
        meeting.Prep.MyStory = "My eviction scare";
        meeting.Reflections.Add(new Reflection
        {
            Id = 1, CaresAbout = "Her kids' school", DidWell = "Listened", Referrals = "Grace Kim\nKenji", MeetAgain = AskAnswer.Yes,
            CompletedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        });
        meeting.Reflections.Add(new Reflection
        {
            Id = 2, CaresAbout = "Tenant rights", CompletedAt = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero),
        });

        var row = Assert.Single(Parse(PeopleCsv.Write([RelationshipWith(ana)], [meeting], Zone)).Rows);

        Assert.Equal("2026-12-03: Tenant rights\n2026-12-01: Her kids' school", row["Reflection: cares about"]);
        Assert.Equal("Listened", row["Reflection: did well"]);
        Assert.Equal("Grace Kim, Kenji", row["Reflection: referrals"]);
        Assert.Equal("yes", row["Reflection: meet again"]);
        Assert.Equal("2026-12-03; 2026-12-01", row["Reflected on"]);
        Assert.Equal("Needs childcare first", row["What the maybe meant"]);
        Assert.Equal("Lead the Saturday shift", row["Prep: goal"]);
        Assert.Equal("My eviction scare", row["Prep: your story"]);
    }

    [Fact]
    public void Puts_meetings_without_a_time_after_scheduled_ones()
    {
        var ana = NewPerson(1, "Ana");
        var planned = MeetingWith(ana, 1, startsAt: null);
        planned.Status = MeetingStatus.Planned;
        var scheduled = MeetingWith(ana, 2, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        var (_, rows) = Parse(PeopleCsv.Write([RelationshipWith(ana)], [planned, scheduled], Zone));

        Assert.Equal(["Scheduled", "Planned"], rows.Select(r => r["Meeting status"]));
        Assert.Equal("", rows[1]["Starts"]);
    }

    [Fact]
    public void Quotes_commas_line_breaks_and_quotes_so_they_read_back_unchanged()
    {
        const string notes = "Works nights, two kids\nSays \"call after 6\"";
        var ana = NewPerson(1, "Lopez, Ana");

        var csv = PeopleCsv.Write([RelationshipWith(ana, notes: notes)], [], Zone);

        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains("\"Lopez, Ana\"", text);
        Assert.Contains("\"Works nights, two kids\nSays \"\"call after 6\"\"\"", text);
        var (_, rows) = Parse(csv);
        var row = Assert.Single(rows);
        Assert.Equal("Lopez, Ana", row["Person"]);
        Assert.Equal(notes, row["Notes"]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1 555 0100")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    public void Escapes_cells_a_spreadsheet_would_run_as_a_formula(string typed)
    {
        var person = NewPerson(1, typed);
        var meeting = MeetingWith(person, 1, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        meeting.Commitment = typed;

        var (_, rows) = Parse(PeopleCsv.Write([RelationshipWith(person, notes: typed)], [meeting], Zone));

        var row = Assert.Single(rows);
        Assert.Equal("'" + typed, row["Person"]);
        Assert.Equal("'" + typed, row["Notes"]);
        Assert.Equal("'" + typed, row["Commitment"]);
        Assert.All(row.Values, cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0]), cell));
    }

    [Fact]
    public void Leaves_ordinary_text_alone()
    {
        var ana = NewPerson(1, "Ana");

        var (_, rows) = Parse(PeopleCsv.Write([RelationshipWith(ana, notes: "Teacher - loves maths")], [], Zone));

        Assert.Equal("Teacher - loves maths", Assert.Single(rows)["Notes"]);
    }

    [Fact]
    public void Copes_with_navigation_properties_that_were_not_loaded()
    {
        var ana = NewPerson(7, "Ana");
        var relationship = new Relationship { PersonId = 7, Person = null!, OnList = false };
        var meeting = MeetingWith(ana, 1, startsAt: null);
        meeting.Answer = AskAnswer.No;
        meeting.NoReason = NoReason.Date;
        var orphan = new Meeting { Id = 2, PersonId = 8, Person = null!, Prep = null! };

        var (_, rows) = Parse(PeopleCsv.Write([relationship], [meeting, orphan], Zone));

        Assert.Equal(2, rows.Count);
        var anaRow = rows.Single(r => r["Person"] == "Ana");
        Assert.Equal("No", anaRow["On list"]);
        Assert.Equal("No (to the date)", anaRow["Answer"]);
        Assert.Equal("", anaRow["Reflection: common ground"]);
        var unknown = rows.Single(r => r["Person"] == "");
        Assert.Equal("", unknown["On list"]);
        Assert.Equal("", unknown["Ask"]);
    }

    [Fact]
    public void Starts_with_a_utf8_byte_order_mark_for_spreadsheets()
    {
        var csv = PeopleCsv.Write([RelationshipWith(NewPerson(1, "Zoë"))], [], Zone);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal("Zoë", Assert.Single(Parse(csv).Rows)["Person"]);
    }
}
