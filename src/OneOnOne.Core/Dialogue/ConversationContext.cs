using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Dialogue;

/// <summary>Who is talking to the bot and when: everything a command or flow needs besides storage.</summary>
public sealed class ConversationContext(Organizer organizer, Address address, DateTimeOffset now, TimeZoneInfo zone)
{
    public Organizer Organizer { get; } = organizer;

    public Address Address { get; } = address;

    /// <summary>The current instant, UTC.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>The organizer's time zone; every time shown or typed is in it.</summary>
    public TimeZoneInfo Zone { get; private set; } = zone;

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(Now, Zone).DateTime;

    public void ChangeZone(TimeZoneInfo zone) => Zone = zone;
}
