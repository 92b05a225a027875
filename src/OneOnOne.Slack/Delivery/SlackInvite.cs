using OneOnOne.Slack.Conversation;

namespace OneOnOne.Slack.Delivery;

/// <summary>How an organizer names the bot to invite it into a channel.</summary>
internal static class SlackInvite
{
    /// <summary>
    /// "@oneonone": typed, not a mention, because the bot's texts are escaped (a written &lt;@U…&gt; would show as
    /// itself) and Slack's autocomplete turns the typed handle into the bot.
    /// </summary>
    public static string BotHandle(SlackIdentity identity) => identity.BotName is { Length: > 0 } name ? "@" + name : "@ and the app's name";
}
