using Microsoft.Extensions.Logging;
using OneOnOne.Slack.Conversation;

namespace OneOnOne.Slack;

/// <summary>
/// The one line a first-time user looks for: that the bot reached Slack and the command can be used. It is
/// logged under the <see cref="Category"/> category, which the shipped settings show at Information while
/// everything else stays at Warning. Said once per start, never with a token or URL.
/// </summary>
public sealed partial class SlackReadiness(SlackIdentity identity, ILoggerFactory loggers)
{
    public const string Category = "OneOnOne.Ready";

    private readonly ILogger _logger = loggers.CreateLogger(Category);
    private int _said;

    /// <param name="how">How Slack reaches the bot, e.g. "over Socket Mode".</param>
    public void Ready(string how)
    {
        if (Interlocked.Exchange(ref _said, 1) == 0)
        {
            LogReady(_logger, identity.TeamName ?? identity.TeamId ?? "(not checked)", identity.BotName ?? identity.BotUserId ?? "the bot", how);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Slack workspace {Team} as @{BotName}; /one-on-one is ready {How}")]
    private static partial void LogReady(ILogger logger, string team, string botName, string how);
}
