using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OneOnOne.Core.Meetings;

/// <summary>What goes into the calendar file for one meeting.</summary>
/// <param name="MeetingId">Makes the event's UID, so a re-sent file updates the same calendar entry.</param>
/// <param name="Title">Event summary.</param>
/// <param name="StartUtc">Start instant; converted to UTC whatever its offset.</param>
/// <param name="Minutes">Length; must be positive.</param>
/// <param name="Place">Location, if any.</param>
/// <param name="Description">Event notes, if any.</param>
/// <param name="CreatedUtc">Used as DTSTAMP so that the same meeting always yields the same bytes.</param>
public sealed record CalendarInviteDetails(
    int MeetingId,
    string Title,
    DateTimeOffset StartUtc,
    int Minutes,
    string? Place,
    string? Description,
    DateTimeOffset CreatedUtc);

/// <summary>Builds an iCalendar (.ics) file with a single event for a scheduled 1:1.</summary>
public static class CalendarInvite
{
    public const string ProductId = "-//OneOnOne.Bot//Meeting invite//EN";

    public static string Uid(int meetingId) => $"meeting-{meetingId}@oneonone.bot";

    /// <summary>Returns the .ics file as UTF-8 bytes (no byte order mark, CRLF line endings).</summary>
    public static byte[] Create(CalendarInviteDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d.Minutes);

        var start = d.StartUtc.ToUniversalTime();
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(d.MeetingId),
            // DTSTAMP would otherwise be "now", making every export of the same meeting differ.
            DtStamp = Utc(d.CreatedUtc),
            DtStart = Utc(start),
            DtEnd = Utc(start.AddMinutes(d.Minutes)),
            Summary = d.Title,
        };
        if (!string.IsNullOrWhiteSpace(d.Place))
        {
            calendarEvent.Location = d.Place.Trim();
        }

        if (!string.IsNullOrWhiteSpace(d.Description))
        {
            calendarEvent.Description = d.Description.Trim();
        }

        var calendar = new Calendar
        {
            ProductId = ProductId,
            // PUBLISH: a file to add to one's own calendar, not a scheduling request that expects replies.
            Method = "PUBLISH",
        };
        calendar.Events.Add(calendarEvent);

        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar.");
        return Encoding.UTF8.GetBytes(text);
    }

    // iCalendar times have whole-second precision; dropping the fraction keeps parse-back exact.
    private static CalDateTime Utc(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new CalDateTime(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)), CalDateTime.UtcTzId);
    }
}
