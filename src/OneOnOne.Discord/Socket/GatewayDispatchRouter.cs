using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Discord.Acknowledgement;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Conversation;
using OneOnOne.Discord.Parsing;
using OneOnOne.Discord.Wire;
using OneOnOne.Telemetry;

namespace OneOnOne.Discord.Socket;

/// <summary>
/// Routes the Gateway's dispatches: interactions are answered (a REST callback) beside the socket's
/// read loop, DMs go to <see cref="DirectMessageHandler"/>. Everything else is ignored. Nothing that
/// arrives malformed gets past here; an interaction that can't be read is still answered with a private
/// apology when its id and token can be found.
/// </summary>
internal sealed partial class GatewayDispatchRouter(
    InteractionDispatcher interactions,
    DirectMessageHandler directMessages,
    DiscordRestClient rest,
    SideWork beside,
    BotIdentity bot,
    DiscordReadiness readiness,
    BotMetrics metrics,
    ILogger<GatewayDispatchRouter> logger) : IGatewayEvents
{
    public void OnReady(ReadyData ready)
    {
        if (ready.User?.Id is { Length: > 0 } id)
        {
            bot.UserId = id;
        }

        readiness.Ready($"Gateway connected as {ready.User?.Handle ?? "the bot"}");
    }

    public void OnDispatch(string eventName, JsonElement data)
    {
        try
        {
            switch (eventName)
            {
                case "INTERACTION_CREATE" when data.Deserialize(DiscordRead.Interaction) is { Id.Length: > 0, Token.Length: > 0 } interaction:
                    beside.Run(ct => AnswerAsync(interaction, ct));
                    break;
                case "INTERACTION_CREATE":
                    AnswerUnreadable(data);
                    break;
                case "MESSAGE_CREATE" when data.Deserialize(DiscordRead.Message) is { } message:
                    directMessages.Handle(message);
                    break;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            LogMalformed(eventName, exception.Message);
        }
    }

    private void AnswerUnreadable(JsonElement data)
    {
        if (!InteractionKeys.TryFind(data, out var id, out var token))
        {
            LogMalformed("INTERACTION_CREATE", "no id and token to answer it with");
            return;
        }

        LogUnreadable();
        beside.Run(async ct =>
        {
            try
            {
                await rest.RespondToInteractionAsync(id, token, InteractionResponses.Unreadable, ct);
            }
            catch (DiscordApiException exception)
            {
                LogAckFailed(exception.Message);
            }
        });
    }

    private async Task AnswerAsync(Interaction interaction, CancellationToken ct)
    {
        var arrived = Stopwatch.GetTimestamp();
        // Queued work waits on this before editing the answer, so every way out of here must complete it.
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var decision = await interactions.AcknowledgeAsync(interaction, sent.Task, ct);
            if (decision.Duplicate || decision.Response is not { } response)
            {
                sent.TrySetCanceled(CancellationToken.None);
                return;
            }

            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, response, ct);
            metrics.Acknowledged(DiscordConversation.Platform, arrived);
            sent.TrySetResult();
        }
        catch (DiscordApiException exception) when (exception.Status is null)
        {
            // No answer: it may have landed all the same. The reply's edit finds out, and goes to the
            // person's DMs if the interaction was never answered.
            LogAckUncertain(exception.Message);
            sent.TrySetResult();
        }
        catch (Exception exception)
        {
            LogAckFailed(exception.Message);
            sent.TrySetException(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed {EventName}: {Reason}")]
    private partial void LogMalformed(string eventName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered an INTERACTION_CREATE the bot can't read with an apology")]
    private partial void LogUnreadable();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Couldn't answer an interaction in time: {Reason}")]
    private partial void LogAckFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction's answer may not have arrived: {Reason}")]
    private partial void LogAckUncertain(string reason);
}
