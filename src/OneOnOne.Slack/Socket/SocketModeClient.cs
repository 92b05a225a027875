using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Slack.Acknowledgement;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Parsing;
using OneOnOne.Slack.Wire;
using OneOnOne.Telemetry;

namespace OneOnOne.Slack.Socket;

/// <summary>
/// Keeps one Socket Mode connection to Slack. Each envelope is acknowledged as soon as its work is
/// stored (a form submission once it is validated), so nothing waits on the engine. When Slack asks
/// us to move (<c>disconnect</c>), the new socket is opened first and the old one closed only after the
/// new one says hello; when a socket drops, a new one follows with growing pauses. Envelopes Slack
/// resends because an acknowledgement was lost are acknowledged again but handled once.
/// </summary>
internal sealed partial class SocketModeClient(
    SlackApiClient api,
    SlackDispatcher dispatcher,
    SideWork beside,
    TimeProvider time,
    SlackReadiness readiness,
    PlatformConnection link,
    BotMetrics metrics,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    /// <summary>Only envelopes in flight when a socket dies are resent, within moments of it.</summary>
    private static readonly TimeSpan ResendWindow = TimeSpan.FromMinutes(15);

    private readonly RecentDeliveries<object> _recent = new(time, ResendWindow);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SocketModeConnection? retiring = null;
        var failures = 0;
        link.Connecting();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var pause = TimeSpan.Zero;
                SocketModeConnection? connection = null;
                try
                {
                    connection = await ConnectAsync(stoppingToken);
                    failures = 0;

                    // Hand-over: the old socket kept serving until this one was ready.
                    if (retiring is not null)
                    {
                        await retiring.DisposeAsync();
                        retiring = null;
                    }

                    var ended = await Task.WhenAny(connection.Closed, connection.Disconnect.Task).WaitAsync(stoppingToken);
                    if (ended == connection.Disconnect.Task)
                    {
                        var reason = await connection.Disconnect.Task;
                        LogMoving(reason);
                        if (reason is "link_disabled" or "too_many_websockets")
                        {
                            // Reconnecting at once would only loop: Socket Mode is off, or too many copies run.
                            await connection.DisposeAsync();
                            pause = LongestPause;
                        }
                        else
                        {
                            retiring = connection;
                        }
                    }
                    else
                    {
                        LogDropped();
                        await connection.DisposeAsync();
                        pause = Backoff(++failures);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                    }

                    break;
                }
                catch (Exception exception) when (exception is SlackApiException or System.Net.WebSockets.WebSocketException
                                                      or TimeoutException or HttpRequestException or OperationCanceledException)
                {
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                    }

                    if (exception is SlackApiException { IsAuthenticationError: true } refused)
                    {
                        LogAppTokenRefused(refused.Error);
                        pause = LongestPause;
                    }
                    else
                    {
                        LogConnectFailed(exception.GetType().Name);
                        pause = Backoff(++failures);
                    }
                }

                if (retiring is { Closed.IsCompleted: true })
                {
                    await retiring.DisposeAsync();
                    retiring = null;
                }

                // Every way here without an old socket still serving leaves none open.
                if (retiring is null)
                {
                    link.Connecting();
                }

                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (retiring is not null)
            {
                await retiring.DisposeAsync();
            }
        }
    }

    private async Task<SocketModeConnection> ConnectAsync(CancellationToken ct)
    {
        // Each URL is single-use; it carries a ticket, so it is never logged.
        var url = await api.OpenSocketConnectionAsync(ct);
        var connection = await SocketModeConnection.OpenAsync(url, OnEnvelopeAsync, ct);
        try
        {
            var connections = await connection.Hello.Task.WaitAsync(HelloTimeout, time, ct);
            LogConnected(connections);
            readiness.Ready("over Socket Mode");
            link.Opened();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task OnEnvelopeAsync(SocketModeConnection connection, JsonElement envelope)
    {
        var arrived = Stopwatch.GetTimestamp();
        var envelopeId = envelope.Str("envelope_id")!;
        if (!_recent.TryClaim(envelopeId, out var first))
        {
            LogResent();
            await TryAcknowledgeAsync(connection, envelopeId, first);
            return;
        }

        var payload = envelope.Get("payload");
        var request = envelope.Str("type") switch
        {
            "slash_commands" => SlackInboundParser.ParseCommand(payload),
            "interactive" => SlackInboundParser.ParseInteraction(payload),
            "events_api" => SlackInboundParser.ParseEvent(payload),
            var other => new IgnoredRequest($"Envelope type {other} is not used."),
        };

        if (request is ViewSubmissionRequest)
        {
            // Validating a form waits for the engine; the socket keeps reading meanwhile.
            beside.Run(async _ => await AnswerAsync(connection, envelopeId, await dispatcher.TakeAsync(request), arrived));
            return;
        }

        // Stored before the next envelope is read, so one person's deliveries keep their order; a command's
        // wait for its quick answer then runs beside the read loop.
        var pending = await dispatcher.TakeAsync(request);
        if (pending.Inline is not null)
        {
            beside.Run(async _ => await AnswerAsync(connection, envelopeId, pending, arrived));
            return;
        }

        await AnswerAsync(connection, envelopeId, pending, arrived);
    }

    private async Task AnswerAsync(SocketModeConnection connection, string envelopeId, PendingAck pending, long arrived)
    {
        var ack = await dispatcher.AcknowledgeAsync(pending);
        if (ack.Status == SlackAckStatus.Busy)
        {
            // Unacknowledged, Slack sends it again later; let that copy through.
            _recent.Release(envelopeId);
            return;
        }

        _recent.Remember(envelopeId, ack.Body);
        var sent = await TryAcknowledgeAsync(connection, envelopeId, ack.Body);
        if (sent)
        {
            metrics.Acknowledged(Conversation.SlackConversation.PlatformKey, arrived);
        }
        if (!sent && ack.NothingKept)
        {
            // Nothing was stored for it: the resend is answered afresh, or the answer would be lost.
            _recent.Release(envelopeId);
        }
        else if (!sent)
        {
            // An answer this carried is about to go through the response URL: a resend must not bring it twice.
            _recent.Remember(envelopeId, null);
        }

        ack.ReportSent(sent);
    }

    private async Task<bool> TryAcknowledgeAsync(SocketModeConnection connection, string envelopeId, object? payload)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await connection.AcknowledgeAsync(envelopeId, payload, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket went away first: Slack resends the envelope on the next one, and it's acknowledged
            // then; an answer this acknowledgement carried goes through the response URL instead.
            LogAckLost();
            return false;
        }
    }

    private static TimeSpan Backoff(int failures) =>
        failures <= 1
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, failures - 2) * (0.8 + (Random.Shared.NextDouble() * 0.4))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connected ({Connections} connection(s) open for this app)")]
    private partial void LogConnected(int connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked to move to a new socket ({Reason})")]
    private partial void LogMoving(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Socket Mode connection dropped; reconnecting")]
    private partial void LogDropped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to Slack's Socket Mode ({Kind}); trying again")]
    private partial void LogConnectFailed(string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack refused Slack:AppToken ({Error}). Create an app-level token with the connections:write scope " +
                                                     "under Basic Information, App-Level Tokens, on your app's page at api.slack.com/apps")]
    private partial void LogAppTokenRefused(string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledged a resent envelope without handling it again")]
    private partial void LogResent();

    [LoggerMessage(Level = LogLevel.Information, Message = "An acknowledgement was lost with its socket; Slack will resend the envelope")]
    private partial void LogAckLost();
}
