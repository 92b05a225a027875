using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using OneOnOne.Core.Meetings;

namespace OneOnOne.Core.Tests.Meetings;

public class CalendarInviteTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 9, 15, 42, TimeSpan.Zero);

    private static CalendarInviteDetails Details(
        DateTimeOffset? start = null,
        string? place = "Café Rio, Main Street",
        string? description = "Getting to know each other.\nBring: nothing; just yourself") =>
        new(42, "1:1 with Ana Lopez", start ?? Start, 45, place, description, Created);

    private static CalendarEvent ParseSingleEvent(byte[] ics)
    {
        var calendar = Calendar.Load(Encoding.UTF8.GetString(ics));
        Assert.NotNull(calendar);
        return Assert.Single(calendar.Events);
    }

    [Fact]
    public void Parses_back_with_the_meeting_uid_title_place_and_notes()
    {
        var calendarEvent = ParseSingleEvent(CalendarInvite.Create(Details()));

        Assert.Equal("meeting-42@oneonone.bot", calendarEvent.Uid);
        Assert.Equal("1:1 with Ana Lopez", calendarEvent.Summary);
        Assert.Equal("Café Rio, Main Street", calendarEvent.Location);
        Assert.Equal("Getting to know each other.\nBring: nothing; just yourself", calendarEvent.Description);
    }

    [Fact]
    public void Start_and_end_are_utc_and_the_meeting_length_apart()
    {
        var calendarEvent = ParseSingleEvent(CalendarInvite.Create(Details()));

        Assert.True(calendarEvent.DtStart!.IsUtc);
        Assert.True(calendarEvent.DtEnd!.IsUtc);
        Assert.Equal(Start.UtcDateTime, calendarEvent.DtStart.AsUtc);
        Assert.Equal(Start.AddMinutes(45).UtcDateTime, calendarEvent.DtEnd.AsUtc);
    }

    [Fact]
    public void Converts_a_start_with_another_offset_to_utc()
    {
        var berlinEvening = new DateTimeOffset(2026, 12, 1, 18, 30, 0, TimeSpan.FromHours(1));

        var ics = CalendarInvite.Create(Details(start: berlinEvening));

        var text = Encoding.UTF8.GetString(ics);
        Assert.Contains("DTSTART:20261201T173000Z", text);
        Assert.Contains("DTEND:20261201T181500Z", text);
    }

    [Fact]
    public void Same_meeting_gives_the_same_bytes_with_dtstamp_from_creation()
    {
        var first = CalendarInvite.Create(Details());
        var second = CalendarInvite.Create(Details());

        Assert.Equal(first, second);
        Assert.Equal(Created.UtcDateTime, ParseSingleEvent(first).DtStamp!.AsUtc);
    }

    [Fact]
    public void Is_a_plain_utf8_vcalendar_with_one_event()
    {
        var ics = CalendarInvite.Create(Details());

        var text = Encoding.UTF8.GetString(ics);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text); // no byte order mark in front
        Assert.Contains("PRODID:" + CalendarInvite.ProductId, text);
        Assert.Single(text.Split("BEGIN:VEVENT")[1..]);
    }

    [Fact]
    public void Leaves_out_location_and_description_when_there_are_none()
    {
        var ics = CalendarInvite.Create(Details(place: null, description: " "));

        var text = Encoding.UTF8.GetString(ics);
        Assert.DoesNotContain("LOCATION", text);
        Assert.DoesNotContain("DESCRIPTION", text);
        Assert.Null(ParseSingleEvent(ics).Location);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void Rejects_a_meeting_without_length(int minutes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarInvite.Create(Details() with { Minutes = minutes }));
    }
}
