using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Delivery;

/// <summary>How an answer reaches the person who acted.</summary>
public enum ReplyVia
{
    /// <summary>In place, visible only to them (slash commands, buttons on such replies).</summary>
    ResponseUrl,

    /// <summary>As a new message in the channel they wrote in (their DM with the bot).</summary>
    Channel,

    /// <summary>In their DM with the bot, wherever they acted (Home tab, modals).</summary>
    DirectMessage,
}

/// <summary>Where the interaction being answered came from. Holds the response URL: never log it.</summary>
public sealed record SlackOrigin(SlackActor Actor, ReplyVia Via, string? ChannelId, Uri? ResponseUrl)
{
    public static SlackOrigin For(SlackRequest request) => request switch
    {
        SlashCommandRequest command => command.ResponseUrl is { } url
            ? new SlackOrigin(command.Actor, ReplyVia.ResponseUrl, command.ChannelId, url)
            : new SlackOrigin(command.Actor, ReplyVia.DirectMessage, null, null),
        DirectMessageRequest message => new SlackOrigin(message.Actor, ReplyVia.Channel, message.ChannelId, null),
        ButtonPressRequest { Surface: ButtonSurface.Message, ChannelId: { } channel } press =>
            new SlackOrigin(press.Actor, ReplyVia.Channel, channel, press.ResponseUrl),
        ButtonPressRequest { Surface: ButtonSurface.EphemeralMessage, ResponseUrl: { } url } press =>
            new SlackOrigin(press.Actor, ReplyVia.ResponseUrl, press.ChannelId, url),
        ButtonPressRequest press => new SlackOrigin(press.Actor, ReplyVia.DirectMessage, null, null),
        ViewSubmissionRequest submission => new SlackOrigin(submission.Actor, ReplyVia.DirectMessage, null, null),
        HomeOpenedRequest home => new SlackOrigin(home.Actor, ReplyVia.DirectMessage, null, null),
        _ => throw new ArgumentException("Only a person's action has an origin.", nameof(request)),
    };
}
