using Microsoft.Extensions.Logging;

namespace OneOnOne.Core.Messaging;

/// <summary>
/// Hands each channel to the check of the platform it belongs to. A platform with no check running,
/// or a check that fails unexpectedly, answers <see cref="ChannelAccess.Unknown"/>: choosing a channel
/// must never fail because the platform could not be asked.
/// </summary>
public sealed partial class ChannelCheckRouter(IEnumerable<IPlatformChannelCheck> checks, ILogger<ChannelCheckRouter> logger) : IChannelCheck
{
    private static readonly ChannelAccess.Unknown Unknown = new();

    private readonly Dictionary<string, IPlatformChannelCheck> _byPlatform =
        checks.ToDictionary(c => c.Platform, StringComparer.OrdinalIgnoreCase);

    public async Task<ChannelAccess> CheckAsync(ToChannel channel, CancellationToken cancellationToken)
    {
        if (!_byPlatform.TryGetValue(channel.Platform, out var check))
        {
            LogNoCheck(channel.Platform);
            return Unknown;
        }

        try
        {
            return await check.CheckAsync(channel, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(exception, channel.Platform);
            return Unknown;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No channel check for platform {Platform}; the digest channel is checked when the digest is posted")]
    private partial void LogNoCheck(string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking a {Platform} channel failed; the digest channel is checked when the digest is posted")]
    private partial void LogCheckFailed(Exception exception, string platform);
}
