namespace OneOnOne.Core.Messaging;

/// <summary>What a platform says, before anything is posted, about the bot posting in a channel.</summary>
public abstract record ChannelAccess
{
    private ChannelAccess()
    {
    }

    /// <summary>The bot can post there, as far as the platform can tell without posting.</summary>
    public sealed record Open : ChannelAccess;

    /// <summary>
    /// The bot can't post there. <paramref name="Fix"/> is the adapter's own sentence for the organizer, naming
    /// what is wrong and the platform's steps to put it right ("I'm not a member of #organizing yet: type
    /// `/invite @oneonone` in #organizing.").
    /// </summary>
    public sealed record Closed(string Fix) : ChannelAccess;

    /// <summary>The platform couldn't be asked just now (an outage, a rate limit): nothing is known either way.</summary>
    public sealed record Unknown : ChannelAccess;
}
