using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Conversation;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Delivery;

/// <summary>
/// Delivers the engine's answer to one interaction. Replies to a slash command come back in place,
/// visible only to the person; a question opens (or continues) the conversation in the DM, where it
/// can be answered by typing. Messages for other people or channels go through the messenger.
/// </summary>
public sealed partial class SlackReplier(
    SlackMessageRenderer renderer,
    SlackPoster poster,
    SlackUserDirectory users,
    IMessenger messenger,
    ILogger<SlackReplier> logger)
{
    private const string MovedToDm = "I've asked you in our direct messages: answer there whenever you're ready.";

    public async Task DeliverAsync(IReadOnlyList<Outbound> outbounds, SlackOrigin origin, CancellationToken ct)
    {
        foreach (var outbound in outbounds)
        {
            try
            {
                if (outbound.To is ToSender)
                {
                    await ReplyAsync(origin, renderer.Render(outbound.Blocks), ct);
                }
                else
                {
                    await messenger.SendAsync(outbound, ct);
                }
            }
            catch (Exception exception) when (exception is SlackApiException or MessageNotDeliveredException)
            {
                // One undeliverable message must not hold back the rest of the answer.
                LogNotDelivered(outbound.To.GetType().Name, exception.Message);
            }
        }
    }

    /// <summary>
    /// The answer as one message shown in place, when it is exactly that: a single page for the person,
    /// with no question (those continue in the DM) and no file (those need an upload).
    /// </summary>
    public ResponseUrlMessage? AsInPlaceMessage(IReadOnlyList<Outbound> outbounds)
    {
        if (outbounds is not [{ To: ToSender } only])
        {
            return null;
        }

        var message = renderer.Render(only.Blocks);
        return message is { Question: null, Files.Count: 0, Pages: [var page] } ? new ResponseUrlMessage(message.Text, page) : null;
    }

    /// <summary>Sends <paramref name="message"/> back to whoever acted, the way <paramref name="origin"/> says.</summary>
    public async Task ReplyAsync(SlackOrigin origin, SlackMessage message, CancellationToken ct)
    {
        if (message.IsEmpty)
        {
            return;
        }

        var dm = () => users.DirectMessageChannelAsync(origin.Actor.UserId, ct);
        switch (origin.Via)
        {
            case ReplyVia.ResponseUrl when message.Question is not null:
                // Flows continue in the DM, one question at a time, where typing answers them.
                var channel = await dm();
                await poster.PostAsync(channel, message, ct);
                if (origin.ChannelId != channel && origin.ResponseUrl is { } pointer)
                {
                    await TryRespondAsync(pointer, renderer.Render([new TextBlock(MovedToDm)]), dm, ct);
                }

                break;

            case ReplyVia.ResponseUrl when origin.ResponseUrl is { } url:
                if (!await TryRespondAsync(url, message, dm, ct))
                {
                    await poster.PostAsync(await dm(), message, ct);
                }

                break;

            case ReplyVia.Channel when origin.ChannelId is { } channelId:
                await poster.PostAsync(channelId, message, ct);
                break;

            default:
                await poster.PostAsync(await dm(), message, ct);
                break;
        }
    }

    /// <summary>False when the response URL is spent (5 uses, 30 minutes) or refused: the caller falls back to the DM.</summary>
    private async Task<bool> TryRespondAsync(Uri url, SlackMessage message, Func<Task<string>> dm, CancellationToken ct)
    {
        try
        {
            await poster.RespondAsync(url, message, dm, ct);
            return true;
        }
        catch (SlackApiException exception) when (exception.Method == "response_url")
        {
            LogResponseUrlFailed(exception.Error);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver a reply ({Destination}): {Reason}")]
    private partial void LogNotDelivered(string destination, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The response URL refused a reply ({Error}); answering in the DM instead")]
    private partial void LogResponseUrlFailed(string error);
}
