using Microsoft.Extensions.Configuration;

namespace OneOnOne.Slack;

/// <summary>How Slack reaches the bot.</summary>
public enum SlackTransport
{
    /// <summary>The bot opens a WebSocket to Slack: no public URL needed. Chosen when an app-level token is set.</summary>
    SocketMode,

    /// <summary>Slack POSTs to <c>/slack/*</c> on this host, signed with the signing secret.</summary>
    Http,
}

/// <summary>Bound from the "Slack" configuration section (environment: <c>Slack__BotToken</c> and so on).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>The bot token (<c>xoxb-…</c>) every Web API call is made with.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>); when set, Socket Mode is used.</summary>
    public string? AppToken { get; set; }

    /// <summary>Verifies requests Slack sends to the HTTP endpoints; needed only without an app-level token.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Where the Web API lives. Tests and staging point this at a fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// How many inbound deliveries are worked on at once. One person's deliveries always run in
    /// order on the same lane, so their answers never overtake each other.
    /// </summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// How long a quick answer may be waited for so that it rides on the first response (no "thinking…",
    /// no second call). Both platforms want that response within 3 seconds: at most 2.5; zero turns it off.
    /// </summary>
    public TimeSpan InlineAnswerWindow { get; set; } = TimeSpan.FromSeconds(1.5);

    public SlackTransport Transport => ChooseTransport(AppToken);

    /// <summary>Reads the transport from raw settings, before options are bound and validated.</summary>
    public static SlackTransport ChooseTransport(IConfiguration configuration) =>
        ChooseTransport(configuration.GetSection(Section)[nameof(AppToken)]);

    private static SlackTransport ChooseTransport(string? appToken) =>
        string.IsNullOrWhiteSpace(appToken) ? SlackTransport.Http : SlackTransport.SocketMode;

    internal Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);
}
