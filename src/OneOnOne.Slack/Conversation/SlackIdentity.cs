namespace OneOnOne.Slack.Conversation;

/// <summary>Who the bot is in its workspace, learnt from auth.test at start.</summary>
public sealed class SlackIdentity
{
    private volatile Snapshot? _known;

    public string? BotUserId => _known?.BotUserId;

    public string? TeamId => _known?.TeamId;

    /// <summary>The workspace's name, as auth.test gave it.</summary>
    public string? TeamName => _known?.TeamName;

    /// <summary>The bot user's handle, as auth.test gave it (e.g. "oneonone").</summary>
    public string? BotName => _known?.BotName;

    public void Set(string botUserId, string teamId, string? teamName = null, string? botName = null) =>
        _known = new Snapshot(botUserId, teamId, teamName, botName);

    /// <summary>Whether <paramref name="userId"/> is the bot itself, whose own DMs come back as events.</summary>
    public bool IsSelf(string userId) => _known is { } known && string.Equals(known.BotUserId, userId, StringComparison.Ordinal);

    private sealed record Snapshot(string BotUserId, string TeamId, string? TeamName, string? BotName);
}
