using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using OneOnOne.Adapters.Http;
using OneOnOne.Slack.Acknowledgement;
using OneOnOne.Slack.Verification;
using OneOnOne.Slack.Wire;
using OneOnOne.Telemetry;

namespace OneOnOne.Slack.Http;

/// <summary>
/// Receives Slack's HTTP deliveries: reads the raw body (bounded), checks the signature over exactly
/// those bytes, parses, and writes the dispatcher's acknowledgement. Answers 401 for a bad or stale
/// signature, 400 for what isn't Slack's, 413 for an oversized body, 503 when full; never a 500.
/// A client that hangs up or stalls mid-body is a Debug line (see <see cref="AbandonedRequest"/>).
/// </summary>
public sealed partial class SlackHttpReceiver(SlackSignatureVerifier verifier, SlackDispatcher dispatcher, BotMetrics metrics, ILogger<SlackHttpReceiver> logger)
{
    /// <summary>Slack's payloads are a few kilobytes; a modal's state is the largest. Anything bigger is refused unread.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public const string RetryNumHeader = "X-Slack-Retry-Num";
    public const string RetryReasonHeader = "X-Slack-Retry-Reason";

    public async Task ReceiveAsync(HttpContext context, Func<ReadOnlyMemory<byte>, SlackRequest> parse)
    {
        var arrived = Stopwatch.GetTimestamp();
        ReadOnlyMemory<byte>? body;
        try
        {
            body = await ReadBodyAsync(context.Request, context.RequestAborted);
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

        try
        {
            if (body is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            var headers = context.Request.Headers;
            var check = verifier.Verify(headers[SlackSignatureVerifier.TimestampHeader], headers[SlackSignatureVerifier.SignatureHeader], body.Value.Span);
            if (check != SignatureCheck.Valid)
            {
                LogRefused(check);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            if (headers.TryGetValue(RetryNumHeader, out var retryNum))
            {
                // Retries carry the same event id, so the engine sees them as the delivery it already has.
                LogRetry(retryNum, headers[RetryReasonHeader]);
            }

            var ack = await dispatcher.AcceptAsync(parse(body.Value));
            var sent = false;
            try
            {
                await WriteAsync(context.Response, ack);
                sent = true;
                metrics.Acknowledged(Conversation.SlackConversation.PlatformKey, arrived);
            }
            catch (Exception exception) when (AbandonedRequest.Explains(exception, context.RequestAborted))
            {
                // Slack hung up before the acknowledgement left; the acknowledgement policy hears it wasn't sent.
                LogAbandoned(exception);
            }
            finally
            {
                ack.ReportSent(sent);
            }
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static async Task WriteAsync(HttpResponse response, SlackAck ack)
    {
        response.StatusCode = ack.Status switch
        {
            SlackAckStatus.Malformed => StatusCodes.Status400BadRequest,
            SlackAckStatus.Busy => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status200OK,
        };
        if (ack.Status == SlackAckStatus.Accepted && ack.Body is { } body)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.Body.WriteAsync(SlackJson.SerializeToUtf8(body));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a request to the Slack endpoints: signature {Check}")]
    private partial void LogRefused(SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack retry {RetryNum} ({Reason})")]
    private partial void LogRetry(StringValues retryNum, StringValues reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A client went away before its request body arrived or its answer left")]
    private partial void LogAbandoned(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not read a request to the Slack endpoints")]
    private partial void LogUnreadable(Exception exception);
}
