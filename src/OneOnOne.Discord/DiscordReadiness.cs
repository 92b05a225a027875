using Microsoft.Extensions.Logging;

namespace OneOnOne.Discord;

/// <summary>
/// The one line a first-time user looks for: where <c>/one-on-one</c> is registered and that Discord reaches
/// the bot. Logged under the <see cref="Category"/> category, which the shipped settings show at Information
/// while everything else stays at Warning. Said once per start, never with a token.
/// </summary>
internal sealed partial class DiscordReadiness(ILoggerFactory loggers)
{
    public const string Category = "OneOnOne.Ready";

    private readonly ILogger _logger = loggers.CreateLogger(Category);
    private volatile string _commands = "/one-on-one not checked";
    private int _said;

    /// <summary>What start-up did about the command, e.g. "registered /one-on-one (global)".</summary>
    public void Commands(string what) => _commands = what;

    /// <summary>Discord reaches the bot, as <paramref name="how"/> says ("Gateway connected as oneonone#1234").</summary>
    public void Ready(string how)
    {
        if (Interlocked.Exchange(ref _said, 1) == 0)
        {
            LogReady(_logger, _commands, how);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: {Commands}; {How}")]
    private static partial void LogReady(ILogger logger, string commands, string how);
}
