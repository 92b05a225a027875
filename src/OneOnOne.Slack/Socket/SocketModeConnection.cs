using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using OneOnOne.Slack.Wire;

namespace OneOnOne.Slack.Socket;

/// <summary>
/// One Socket Mode WebSocket: reads frames until it closes, reports <c>hello</c> and <c>disconnect</c>,
/// hands each envelope to its handler, and sends acknowledgements one at a time.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    /// <summary>A frame larger than this is not Slack's; the connection is dropped and a fresh one opened.</summary>
    public const int MaxFrameBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Func<SocketModeConnection, JsonElement, Task> _onEnvelope;
    private Task _reading = Task.CompletedTask;

    private SocketModeConnection(Func<SocketModeConnection, JsonElement, Task> onEnvelope)
    {
        _onEnvelope = onEnvelope;

        // .NET sends pings and drops the socket when no pong comes back: a dead link is noticed in seconds.
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
    }

    /// <summary>Completed by Slack's <c>hello</c>.</summary>
    public TaskCompletionSource<int> Hello { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed with the reason when Slack asks us to move to a new connection.</summary>
    public TaskCompletionSource<string> Disconnect { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the socket has closed or failed, for whatever reason.</summary>
    public Task Closed => _reading;

    public static async Task<SocketModeConnection> OpenAsync(Uri url, Func<SocketModeConnection, JsonElement, Task> onEnvelope, CancellationToken ct)
    {
        var connection = new SocketModeConnection(onEnvelope);
        try
        {
            await connection._socket.ConnectAsync(url, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection._reading = Task.Run(() => connection.ReadAsync(connection._closing.Token), CancellationToken.None);
        return connection;
    }

    /// <summary>Acknowledges an envelope, with the response payload when there is one.</summary>
    public async Task AcknowledgeAsync(string envelopeId, object? payload, CancellationToken ct)
    {
        var frame = SlackJson.SerializeToUtf8(new Acknowledgement(envelopeId, payload));
        await _sending.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing politely is a courtesy; the socket is going away either way.
            }
        }

        await _closing.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _sending.Dispose();
        _closing.Dispose();
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (_socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), ct);
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > MaxFrameBytes)
                    {
                        _socket.Abort();
                        return;
                    }
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    await HandleFrameAsync(buffer.WrittenMemory);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped or closed socket: the client opens a new one.
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return; // Not JSON: nothing to acknowledge.
        }

        using (document)
        {
            var root = document.RootElement;
            switch (root.Str("type"))
            {
                case "hello":
                    Hello.TrySetResult(root.TryGetProperty("num_connections", out var count) && count.TryGetInt32(out var n) ? n : 1);
                    break;
                case "disconnect":
                    Disconnect.TrySetResult(root.Str("reason") ?? "unknown");
                    break;
                default:
                    if (root.Str("envelope_id") is not null)
                    {
                        await _onEnvelope(this, root);
                    }

                    break;
            }
        }
    }

    private sealed record Acknowledgement(string EnvelopeId, object? Payload);
}
