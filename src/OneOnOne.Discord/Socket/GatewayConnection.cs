using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Socket;

/// <summary>
/// One WebSocket to the Gateway, from Hello to its end: heartbeats (the first after a random share
/// of the interval, so a fleet of restarted bots doesn't beat in step), Identify or Resume, and every
/// frame read in order. A heartbeat that goes unacknowledged until the next is due means a zombie
/// connection: it is dropped without a 1000 close, so the session can be resumed.
/// </summary>
internal sealed partial class GatewayConnection(
    GatewaySession session, IGatewayEvents events, string token, TimeSpan reconnectDelay, TimeProvider time, ILogger logger) : IDisposable
{
    private const int MaxFrameBytes = 8 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _frame = new(16 * 1024);
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;
    private Task? _leaving;

    /// <summary>Whether this connection got as far as READY or RESUMED: a healthy one resets the reconnect backoff.</summary>
    public bool ReachedReady { get; private set; }

    public async Task<GatewayOutcome> RunAsync(Uri url, CancellationToken stopping)
    {
        // Not linked to stopping: cancelling a receive aborts the socket, and then no close frame can
        // go out. Stopping closes first (see LeaveAsync), then ends the read loop.
        using var life = new CancellationTokenSource();
        var leave = stopping.Register(() => _leaving = LeaveAsync(life));
        var heartbeat = Task.CompletedTask;
        try
        {
            await _socket.ConnectAsync(url, life.Token);
            while (true)
            {
                var payload = await ReceiveAsync(life.Token);
                if (payload is null)
                {
                    return stopping.IsCancellationRequested ? new GatewayOutcome.Stopped() : Closed();
                }

                switch (payload.Op)
                {
                    case GatewayOpcode.Hello:
                        var interval = TimeSpan.FromMilliseconds(Math.Max(100, payload.D.Deserialize(DiscordRead.Hello)?.HeartbeatInterval ?? 41_250));
                        heartbeat = HeartbeatAsync(interval, life);
                        await IdentifyOrResumeAsync(life.Token);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        _acknowledged = true;
                        break;
                    case GatewayOpcode.Heartbeat:
                        // Discord may ask for a beat at any time; answer at once.
                        await SendHeartbeatAsync(life.Token);
                        break;
                    case GatewayOpcode.Reconnect:
                        await CloseAsync(GatewayCloseCodes.Reconnecting);
                        return new GatewayOutcome.Reconnect(Resume: true, "Discord asked to reconnect (op 7)");
                    case GatewayOpcode.InvalidSession:
                        var resumable = payload.D.ValueKind == JsonValueKind.True;
                        await CloseAsync(GatewayCloseCodes.Reconnecting);

                        // A short random pause (1 to 5 s by default) before the next Identify, so it doesn't trip the identify limit again.
                        return new GatewayOutcome.Reconnect(resumable, $"Discord invalidated the session (op 9, resumable: {resumable})",
                            reconnectDelay * (1 + Random.Shared.NextDouble() * 4));
                    case GatewayOpcode.Dispatch:
                        Dispatch(payload);
                        break;
                }
            }
        }
        catch (Exception exception) when (stopping.IsCancellationRequested && exception is OperationCanceledException or WebSocketException or IOException)
        {
            return new GatewayOutcome.Stopped();
        }
        catch (OperationCanceledException) when (_zombie)
        {
            return new GatewayOutcome.Reconnect(Resume: true, "no heartbeat acknowledgement (zombie connection)");
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or HttpRequestException)
        {
            return new GatewayOutcome.Reconnect(Resume: true, "connection lost: " + exception.Message);
        }
        finally
        {
            // Waits for a stop already under way; none can start after this.
            leave.Dispose();
            if (_leaving is { } leaving)
            {
                await leaving;
            }

            await life.CancelAsync();
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }

    /// <summary>Closing with 1000 ends the session, so the bot shows offline at once; then the read loop may stop.</summary>
    private async Task LeaveAsync(CancellationTokenSource life)
    {
        await CloseAsync((int)WebSocketCloseStatus.NormalClosure);
        await life.CancelAsync();
    }

    private void Dispatch(GatewayPayload payload)
    {
        if (payload.S is { } sequence)
        {
            session.Saw(sequence);
        }

        switch (payload.T)
        {
            case "READY" when payload.D.Deserialize(DiscordRead.Ready) is { SessionId.Length: > 0 } ready:
                session.Start(ready.SessionId, ready.ResumeGatewayUrl);
                ReachedReady = true;
                LogReady();
                events.OnReady(ready);
                break;
            case "RESUMED":
                ReachedReady = true;
                LogResumed();
                events.OnDispatch("RESUMED", payload.D);
                break;
            case { Length: > 0 } name:
                events.OnDispatch(name, payload.D);
                break;
        }
    }

    private Task IdentifyOrResumeAsync(CancellationToken ct)
    {
        if (session.CanResume)
        {
            LogResuming(session.Sequence ?? 0);
            return SendAsync(new ResumeCommand { D = new ResumeData { Token = token, SessionId = session.SessionId!, Seq = session.Sequence ?? 0 } },
                DiscordJson.Default.ResumeCommand, ct);
        }

        return SendAsync(new IdentifyCommand { D = new IdentifyData { Token = token, Intents = GatewayIntents.Wanted } },
            DiscordJson.Default.IdentifyCommand, ct);
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource life)
    {
        var ct = life.Token;
        await Task.Delay(interval * Random.Shared.NextDouble(), time, ct);
        while (!ct.IsCancellationRequested)
        {
            if (!_acknowledged)
            {
                LogZombie();
                _zombie = true;
                await life.CancelAsync();
                return;
            }

            _acknowledged = false;
            try
            {
                await SendHeartbeatAsync(ct);
            }
            catch (Exception exception) when (exception is WebSocketException or IOException)
            {
                // The read loop sees the broken socket too and reconnects.
                return;
            }

            await Task.Delay(interval, time, ct);
        }
    }

    private Task SendHeartbeatAsync(CancellationToken ct) =>
        SendAsync(new HeartbeatCommand { D = session.Sequence }, DiscordJson.Default.HeartbeatCommand, ct);

    private async Task SendAsync<T>(T command, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(command, type);
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next whole frame; null when Discord closed the socket.</summary>
    private async Task<GatewayPayload?> ReceiveAsync(CancellationToken ct)
    {
        while (true)
        {
            _frame.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(_frame.GetMemory(16 * 1024), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _frame.Advance(result.Count);
                if (_frame.WrittenCount > MaxFrameBytes)
                {
                    throw new WebSocketException("A Gateway frame was larger than any the bot expects.");
                }
            }
            while (!result.EndOfMessage);

            try
            {
                if (JsonSerializer.Deserialize(_frame.WrittenSpan, DiscordRead.GatewayPayload) is { } payload)
                {
                    return payload;
                }
            }
            catch (JsonException exception)
            {
                LogUnreadable(exception.Message);
            }
        }
    }

    private GatewayOutcome Closed()
    {
        var code = (int?)_socket.CloseStatus ?? 0;
        if (GatewayCloseCodes.Fatal(code) is { } message)
        {
            return new GatewayOutcome.Fatal(message);
        }

        return new GatewayOutcome.Reconnect(!GatewayCloseCodes.EndsSession(code), $"Discord closed the connection ({code})");
    }

    private async Task CloseAsync(int code)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            // One send at a time on a WebSocket: the close waits for a heartbeat going out.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, null, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // Closing is a courtesy; the connection is being left either way.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the Discord Gateway")]
    private partial void LogReady();

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed the Discord Gateway session; missed events follow")]
    private partial void LogResumed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming the Discord Gateway session from sequence {Sequence}")]
    private partial void LogResuming(int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord didn't acknowledge the last heartbeat; reconnecting")]
    private partial void LogZombie();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable Gateway frame: {Reason}")]
    private partial void LogUnreadable(string reason);
}
