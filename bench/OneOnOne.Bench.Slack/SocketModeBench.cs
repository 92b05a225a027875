using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OneOnOne.Bench.Slack;

public sealed record SocketBenchOptions(int Warmup, TimeSpan Duration, int MaxEnvelopes, int Window, int Users, TimeSpan ResendAfter, TimeSpan Limit);

/// <summary>
/// Socket Mode envelope throughput: the fake plays Slack and sends <c>/one-on-one help</c> slash-command
/// envelopes on the bot's socket for <see cref="SocketBenchOptions.Duration"/>, with at most
/// <see cref="SocketBenchOptions.Window"/> unacknowledged at a time (as wrk keeps 32 requests open). An
/// envelope left unacknowledged (the bot holds the ack while its queue is full) is resent, as Slack does.
/// Measures acknowledgements per second, the time from send to acknowledgement, and how many of the
/// engine's replies reached the response URLs in the same time.
/// </summary>
public sealed class SocketModeBench : IDisposable
{
    private readonly FakeSlackApi _fake;
    private readonly SocketBenchOptions _options;
    private readonly int _capacity;
    private readonly long[] _firstSent;
    private readonly long[] _lastSent;
    private readonly long[] _acked;
    private readonly SemaphoreSlim _window;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly string _nonce = Guid.NewGuid().ToString("N")[..8];
    private int _ackCount;
    private long _resends;
    private int _sentCount;

    public SocketModeBench(FakeSlackApi fake, SocketBenchOptions options)
    {
        _fake = fake;
        _options = options;
        _capacity = options.Warmup + options.MaxEnvelopes;
        _firstSent = new long[_capacity];
        _lastSent = new long[_capacity];
        _acked = new long[_capacity];
        _window = new SemaphoreSlim(options.Window, options.Window);
        fake.OnSocketFrame = OnFrame;
    }

    public void Dispose()
    {
        _window.Dispose();
        _sending.Dispose();
    }

    public async Task<int> RunAsync()
    {
        using var deadline = new CancellationTokenSource(_options.Limit);
        var ct = deadline.Token;
        Console.WriteLine($"socket: waiting for the bot to connect to ws://127.0.0.1:{_fake.Port}/socket");
        var socket = await _fake.WaitForSocketAsync(TimeSpan.FromSeconds(60));
        using var resender = new CancellationTokenSource();
        var resending = ResendLoopAsync(socket, resender.Token);

        try
        {
            // Warm-up: JIT, caches, the organizers' rows; then let the engine finish before measuring.
            var warmStart = Stopwatch.GetTimestamp();
            var warmed = await SendUntilAsync(socket, 0, _options.Warmup, long.MaxValue, ct);
            await WaitForAsync(() => Volatile.Read(ref _ackCount) >= warmed, TimeSpan.FromSeconds(30), ct);
            await WaitForAsync(() => _fake.HelpReplies >= warmed, TimeSpan.FromSeconds(30), ct);
            Console.WriteLine($"socket: warm-up: {warmed:N0} envelopes acknowledged, {_fake.HelpReplies:N0} answered, in {Stopwatch.GetElapsedTime(warmStart).TotalSeconds:F1} s");

            var repliesBefore = _fake.HelpReplies;
            var acksBefore = Volatile.Read(ref _ackCount);
            var start = Stopwatch.GetTimestamp();
            var stopAt = start + (long)(_options.Duration.TotalSeconds * Stopwatch.Frequency);
            var sent = await SendUntilAsync(socket, warmed, _capacity, stopAt, ct);
            await WaitForAsync(() => Stopwatch.GetTimestamp() >= stopAt, _options.Duration, ct);
            var end = Stopwatch.GetTimestamp();
            var acked = Volatile.Read(ref _ackCount) - acksBefore;
            var answered = _fake.HelpReplies - repliesBefore;

            // Then let what is queued finish, to see how long the engine needs for the backlog.
            await WaitForAsync(() => Volatile.Read(ref _ackCount) >= sent, TimeSpan.FromSeconds(20), ct);
            await WaitForAsync(() => _fake.HelpReplies >= sent, TimeSpan.FromSeconds(20), ct);
            var drained = Stopwatch.GetElapsedTime(start);

            Report(warmed, sent, start, end, acked, answered, _fake.HelpReplies - repliesBefore, drained);
            return 0;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Console.WriteLine($"socket: gave up after {_options.Limit.TotalSeconds:N0} s with {_ackCount:N0} acknowledged and {_fake.HelpReplies:N0} replies");
            return 3;
        }
        finally
        {
            await resender.CancelAsync();
            await resending;
        }
    }

    /// <summary>Sends envelopes from..to (exclusive) within the window until <paramref name="stopAt"/>; returns the index after the last one sent.</summary>
    private async Task<int> SendUntilAsync(WebSocket socket, int from, int to, long stopAt, CancellationToken ct)
    {
        var i = from;
        for (; i < to; i++)
        {
            var remaining = stopAt - Stopwatch.GetTimestamp();
            if (remaining <= 0 || !await _window.WaitAsync(TimeSpan.FromSeconds(Math.Min(remaining / (double)Stopwatch.Frequency, 3600)), ct))
            {
                break;
            }

            var now = Stopwatch.GetTimestamp();
            _firstSent[i] = now;
            Volatile.Write(ref _lastSent[i], now);
            Volatile.Write(ref _sentCount, i + 1);
            await SendAsync(socket, Envelope(i, attempt: 0), ct);
        }

        return i;
    }

    private async Task SendAsync(WebSocket socket, byte[] frame, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Slack resends an envelope nobody acknowledged; so does the fake, after <see cref="SocketBenchOptions.ResendAfter"/>.</summary>
    private async Task ResendLoopAsync(WebSocket socket, CancellationToken ct)
    {
        var resendAfter = (long)(_options.ResendAfter.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(200, ct);
                var sent = Volatile.Read(ref _sentCount);
                var now = Stopwatch.GetTimestamp();
                for (var i = 0; i < sent; i++)
                {
                    if (Volatile.Read(ref _acked[i]) == 0 && now - Volatile.Read(ref _lastSent[i]) > resendAfter)
                    {
                        Volatile.Write(ref _lastSent[i], now);
                        Interlocked.Increment(ref _resends);
                        await SendAsync(socket, Envelope(i, attempt: 1), ct);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
    }

    private void OnFrame(ReadOnlyMemory<byte> frame)
    {
        string? envelopeId;
        try
        {
            using var document = JsonDocument.Parse(frame);
            envelopeId = document.RootElement.TryGetProperty("envelope_id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return;
        }

        if (envelopeId is null || !envelopeId.StartsWith("benchenv-", StringComparison.Ordinal)
            || !int.TryParse(envelopeId.AsSpan("benchenv-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= _capacity)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _acked[index], Stopwatch.GetTimestamp(), 0) != 0)
        {
            // The acknowledgement of a resend whose first copy was acknowledged too.
            return;
        }

        if (FakeSlackApi.IsHelpReply(frame.Span))
        {
            _fake.CountHelpReplyInAck();
        }

        _window.Release();
        Interlocked.Increment(ref _ackCount);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (!condition() && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(10, ct);
        }
    }

    private void Report(int from, int to, long start, long end, int acked, long answered, long answeredAfterDrain, TimeSpan drained)
    {
        var latencies = new List<double>(to - from);
        for (var i = from; i < to; i++)
        {
            if (_acked[i] != 0 && _acked[i] <= end)
            {
                latencies.Add((_acked[i] - _firstSent[i]) * 1000.0 / Stopwatch.Frequency);
            }
        }

        latencies.Sort();
        var n = latencies.Count;
        double P(double q) => n == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(q * n) - 1, 0, n - 1)];
        var seconds = (end - start) / (double)Stopwatch.Frequency;

        var result = new
        {
            seconds = Math.Round(seconds, 3),
            window = _options.Window,
            sent = to - from,
            acked,
            acksPerSecond = Math.Round(acked / seconds),
            ackP50Ms = Math.Round(P(0.50), 3),
            ackP99Ms = Math.Round(P(0.99), 3),
            ackMaxMs = n == 0 ? double.NaN : Math.Round(latencies[^1], 3),
            resends = Interlocked.Read(ref _resends),
            answered,
            repliesPerSecond = Math.Round(answered / seconds),
            answeredAfterDrain,
            drainSeconds = Math.Round(drained.TotalSeconds, 1),
        };
        Console.WriteLine($"socket: {acked:N0} envelopes acknowledged in {seconds:F1} s = {result.acksPerSecond:N0}/s " +
                          $"(send to ack p50 {result.ackP50Ms} ms, p99 {result.ackP99Ms} ms, max {result.ackMaxMs} ms; {result.resends:N0} resent after 2 s unacknowledged)");
        Console.WriteLine($"socket: {answered:N0} answered in the same {seconds:F1} s = {result.repliesPerSecond:N0}/s ({_fake.HelpRepliesInAcks:N0} in all in the acknowledgement, the rest through the response URL); " +
                          $"all {to - from:N0} sent: {answeredAfterDrain:N0} answered {result.drainSeconds} s after the start");
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
    }

    private byte[] Envelope(int index, int attempt)
    {
        var user = $"UB{index % _options.Users:D4}";
        var trigger = $"{index}.{_nonce}.socketbench";
        var json = $$"""
            {"envelope_id":"benchenv-{{index}}","type":"slash_commands","accepts_response_payload":true,"retry_attempt":{{attempt}},"retry_reason":"{{(attempt == 0 ? string.Empty : "timeout")}}","payload":{"token":"legacy-token-ignored","team_id":"{{FakeSlackApi.TeamId}}","team_domain":"bench","channel_id":"C0BENCH","channel_name":"general","user_id":"{{user}}","user_name":"{{user.ToLowerInvariant()}}","command":"/one-on-one","text":"help","api_app_id":"ABENCH","is_enterprise_install":"false","response_url":"http://127.0.0.1:{{_fake.Port}}/hooks/s{{index}}","trigger_id":"{{trigger}}"
            """ + "}}";
        return Encoding.UTF8.GetBytes(json);
    }
}
