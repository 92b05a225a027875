namespace OneOnOne.Core.Messaging;

/// <summary>
/// Asks the platform whether the bot can post in a channel, so that a channel the bot can't use is
/// found out when an organizer chooses it, not when the first weekly digest fails. The engine uses
/// this; each adapter implements <see cref="IPlatformChannelCheck"/>.
/// </summary>
public interface IChannelCheck
{
    /// <summary>Never throws for the platform's sake: a platform that can't be asked answers <see cref="ChannelAccess.Unknown"/>.</summary>
    Task<ChannelAccess> CheckAsync(ToChannel channel, CancellationToken cancellationToken);
}

/// <summary>One platform's way of telling whether the bot can post in one of its channels.</summary>
public interface IPlatformChannelCheck
{
    /// <summary>The <see cref="Address.Platform"/> key this check serves.</summary>
    string Platform { get; }

    Task<ChannelAccess> CheckAsync(ToChannel channel, CancellationToken cancellationToken);
}
