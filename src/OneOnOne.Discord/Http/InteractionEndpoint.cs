using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OneOnOne.Adapters.Http;
using OneOnOne.Discord.Acknowledgement;
using OneOnOne.Discord.Verification;
using OneOnOne.Discord.Wire;
using OneOnOne.Telemetry;

namespace OneOnOne.Discord.Http;

/// <summary>
/// <c>POST /discord/interactions</c>, Discord's "Interactions Endpoint URL": verify the signature over
/// the raw bytes, parse, let the dispatcher decide the answer, write it. Unsigned or wrongly signed → 401
/// (Discord tests this) and never a 5xx. Past verification the request is Discord's, so whoever caused
/// it sees words: a body the bot can't read, or a failure, is answered with a private apology rather
/// than a 400, which Discord would show as "This interaction failed". A client that hangs up or stalls
/// mid-body is a Debug line.
/// </summary>
internal sealed partial class InteractionEndpoint(
    InteractionVerifier verifier, SignatureFailureWatch signatures, InteractionDispatcher dispatcher, BotMetrics metrics, ILogger<InteractionEndpoint> logger)
{
    public const string Path = "/discord/interactions";

    /// <summary>Interactions are a few kilobytes; a body this large is not one.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var request = context.Request;
        var signature = request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
        if (!verifier.Enabled)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (signature.Length == 0 || timestamp.Length == 0 || request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = signature.Length == 0 || timestamp.Length == 0 ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
            return;
        }

        RentedBody read;
        try
        {
            read = await RentedBody.ReadAsync(request.BodyReader, MaxBodyBytes, context.RequestAborted);
        }
        catch (Exception exception) when (AbandonedRequest.ExplainsBodyRead(exception, context.RequestAborted))
        {
            LogAbandoned(exception);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = AbandonedRequest.Status(exception);
            }

            return;
        }

        Interaction? interaction;
        using (var body = read)
        {
            if (body.TooLarge)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (!verifier.IsValid(signature, timestamp, body.Span))
            {
                signatures.Invalid();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            signatures.Valid();

            interaction = Parse(body.Span);
        }

        if (interaction is null)
        {
            LogUnreadable();
            await WriteAsync(context, InteractionResponses.Unreadable, arrived);
            return;
        }

        await AnswerAsync(context, interaction, arrived);
    }

    private async Task AnswerAsync(HttpContext context, Interaction interaction, long arrived)
    {
        // Replies that edit this answer must wait until it has left; OnCompleted runs once the response is sent.
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (interaction.Type != InteractionType.Ping)
        {
            context.Response.OnCompleted(static state =>
            {
                ((TaskCompletionSource)state).TrySetResult();
                return Task.CompletedTask;
            }, sent);
        }

        InteractionDecision decision;
        try
        {
            decision = await dispatcher.AcknowledgeAsync(interaction, sent.Task, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogFailed(exception);
            decision = new InteractionDecision(InteractionResponses.Message(Conversation.Phrases.SomethingWentWrong, MessageFlags.Ephemeral));
        }

        if (decision.Response is not { } response)
        {
            // A copy of an interaction whose first delivery is still being answered: that one gets the answer.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await WriteAsync(context, response, arrived);
    }

    private async Task WriteAsync(HttpContext context, InteractionResponse response, long arrived)
    {
        var json = InteractionResponses.Json(response);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        try
        {
            await context.Response.Body.WriteAsync(json, context.RequestAborted);
            metrics.Acknowledged(Conversation.DiscordConversation.Platform, arrived);
        }
        catch (Exception exception) when (AbandonedRequest.Explains(exception, context.RequestAborted))
        {
            // The work is queued all the same; Discord learns nothing of it, as with any unanswered interaction.
            LogAbandoned(exception);
        }
    }

    private static Interaction? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DiscordRead.Interaction);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A client went away before its request body arrived or its answer left")]
    private partial void LogAbandoned(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered a signed request whose body is not an interaction object with an apology")]
    private partial void LogUnreadable();

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to answer an interaction received over HTTP")]
    private partial void LogFailed(Exception exception);
}
