namespace OneOnOne.Adapters.Inbox;

/// <summary>What <see cref="DurableInbox.AcceptAsync"/> did with an inbound, and so how the adapter acknowledges it.</summary>
public enum InboxAcceptance
{
    /// <summary>Stored: acknowledge it; it will be handled, after a restart if need be.</summary>
    Accepted,

    /// <summary>Already stored once: acknowledge it, and don't handle it again.</summary>
    Duplicate,

    /// <summary>Too much is waiting: tell the platform (or the person) the bot is busy; nothing was stored.</summary>
    Busy,
}
