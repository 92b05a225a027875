namespace OneOnOne.Discord;

/// <summary>Settings for the Discord adapter, bound from the <c>Discord</c> configuration section.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10/";

    /// <summary>The bot token from the Developer Portal's Bot page. Setting it turns the Discord adapter on.</summary>
    public string? BotToken { get; set; }

    /// <summary>The application id (General Information page): commands are registered under it.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// The application's public key (General Information page). When set, <c>/discord/interactions</c>
    /// accepts signed interactions over HTTP, for an "Interactions Endpoint URL".
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Registers the commands in this one server (they update instantly) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>The REST API root, versioned; tests point it at a fake Discord.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// Keep a Gateway connection: it receives interactions (unless an endpoint URL is set in the portal)
    /// and is the only way to read what people type in a DM. Off only for an HTTP-only setup.
    /// </summary>
    public bool UseGateway { get; set; } = true;

    /// <summary>Overwrite the <c>/one-on-one</c> command at start when its definition changed.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>How many people are served side by side; one person's inputs are always handled in order.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// How long a quick answer may be waited for so that it rides on the first response (no "thinking…",
    /// no second call). Both platforms want that response within 3 seconds: at most 2.5; zero turns it off.
    /// </summary>
    public TimeSpan InlineAnswerWindow { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Inputs waiting for the engine before new ones are told the bot is busy.</summary>
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Attempts for a REST call that meets a 5xx or a broken connection (429s are waited out separately).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff after a 5xx; it doubles each attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>First wait before reconnecting the Gateway after a failure; it doubles up to a minute.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long start-up waits for the Gateway's READY before carrying on and retrying in the background.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The token as Discord wants it: without a "Bot " prefix someone may have pasted along.</summary>
    internal string Token => BotToken is { } token && token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase)
        ? token[4..].Trim()
        : BotToken?.Trim() ?? string.Empty;

    internal Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);

    internal bool ServesHttpInteractions => !string.IsNullOrWhiteSpace(PublicKey);
}
