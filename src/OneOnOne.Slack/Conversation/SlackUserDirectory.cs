using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OneOnOne.Slack.Api;

namespace OneOnOne.Slack.Conversation;

/// <summary>
/// People's names and time zones (users.info) and the bot's DM channel with each of them
/// (conversations.open), cached: both are asked for on nearly every message and change rarely.
/// </summary>
public sealed partial class SlackUserDirectory(SlackApiClient api, TimeProvider time, ILogger<SlackUserDirectory> logger)
{
    /// <summary>Long enough to spare Slack, short enough that a renamed person or a moved time zone shows up the same day.</summary>
    public static readonly TimeSpan UserLifetime = TimeSpan.FromHours(1);

    private const int MaxCachedUsers = 50_000;

    private readonly ConcurrentDictionary<string, (Task<SlackUser?> Lookup, DateTimeOffset Expires)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _directMessages = new(StringComparer.Ordinal);

    /// <summary>The user, or null when Slack can't say (unknown user, outage). Concurrent asks for one user share one call.</summary>
    public Task<SlackUser?> FindAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_users.TryGetValue(userId, out var cached) && cached.Expires > now)
        {
            return cached.Lookup;
        }

        if (_users.Count >= MaxCachedUsers)
        {
            _users.Clear();
        }

        var lookup = LookUpAsync(userId, ct);
        _users[userId] = (lookup, now + UserLifetime);
        return lookup;
    }

    public async Task<string?> NameAsync(string userId, CancellationToken ct) => (await FindAsync(userId, ct))?.BestName;

    /// <summary>The bot's DM channel with <paramref name="userId"/>.</summary>
    public async Task<string> DirectMessageChannelAsync(string userId, CancellationToken ct)
    {
        if (_directMessages.TryGetValue(userId, out var channel))
        {
            return channel;
        }

        channel = await api.OpenDirectMessageAsync(userId, ct);
        _directMessages[userId] = channel;
        return channel;
    }

    private async Task<SlackUser?> LookUpAsync(string userId, CancellationToken ct)
    {
        try
        {
            return await api.GetUserAsync(userId, ct);
        }
        catch (Exception exception) when (exception is SlackApiException or OperationCanceledException)
        {
            // Not cached: the next message asks again.
            _users.TryRemove(userId, out _);
            LogLookupFailed(exception is SlackApiException slack ? slack.Error : "cancelled");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up a Slack user ({Error}); using what the event says")]
    private partial void LogLookupFailed(string error);
}
