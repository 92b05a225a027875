namespace OneOnOne.Slack.Wire;

/// <summary>
/// Something Slack delivered, parsed and checked, the same whichever transport brought it.
/// <see cref="DeliveryId"/> is stable across Slack's retries of one delivery, so the engine's
/// idempotency table sees a retry as the same event.
/// </summary>
public abstract record SlackRequest
{
    public virtual string? DeliveryId => null;
}

/// <summary>A person in a workspace: who did something.</summary>
public sealed record SlackActor(string TeamId, string UserId, string? UserName);

/// <summary><c>/one-on-one …</c> typed anywhere.</summary>
public sealed record SlashCommandRequest(SlackActor Actor, string ChannelId, string Command, string Text, Uri? ResponseUrl, string? TriggerId)
    : SlackRequest
{
    public override string? DeliveryId => TriggerId is null ? null : "command:" + TriggerId;
}

/// <summary>A button pressed in a message, the App Home, or a modal.</summary>
public sealed record ButtonPressRequest(
    SlackActor Actor, string ActionId, string Value, string? TriggerId, Uri? ResponseUrl, string? ChannelId, ButtonSurface Surface, string? ActionTs)
    : SlackRequest
{
    public override string? DeliveryId => TriggerId is not null ? "action:" + TriggerId
        : ActionTs is not null ? $"action:{Actor.UserId}:{ActionTs}" : null;
}

public enum ButtonSurface
{
    /// <summary>A message everyone in the channel sees (our DMs).</summary>
    Message,

    /// <summary>An ephemeral message, such as a slash command's reply: reachable only through its response URL.</summary>
    EphemeralMessage,

    /// <summary>The App Home tab or a modal.</summary>
    View,
}

/// <summary>A modal's Submit: the values keyed by input block id.</summary>
public sealed record ViewSubmissionRequest(
    SlackActor Actor, string ViewId, string CallbackId, string PrivateMetadata, IReadOnlyDictionary<string, string?> Values, string? TriggerId)
    : SlackRequest
{
    public override string? DeliveryId => TriggerId is null ? null : "submit:" + TriggerId;
}

/// <summary>A person wrote to the bot in their DM with it (<c>message.im</c>).</summary>
public sealed record DirectMessageRequest(SlackActor Actor, string ChannelId, string Text, string EventId) : SlackRequest
{
    public override string? DeliveryId => "event:" + EventId;
}

/// <summary>A person opened the bot's Home tab.</summary>
public sealed record HomeOpenedRequest(SlackActor Actor, string EventId) : SlackRequest
{
    public override string? DeliveryId => "event:" + EventId;
}

/// <summary>Slack checking a Request URL: answer with the challenge.</summary>
public sealed record UrlVerificationRequest(string Challenge) : SlackRequest;

/// <summary>Well formed, but nothing for the bot to do (bot messages, edits, closed modals…): acknowledge and move on.</summary>
public sealed record IgnoredRequest(string Reason) : SlackRequest;

/// <summary>Not something Slack would send: refused with a 400, or acknowledged and dropped on a socket.</summary>
public sealed record MalformedRequest(string Reason) : SlackRequest;
