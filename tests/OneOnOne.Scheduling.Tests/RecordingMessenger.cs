using System.Collections.Concurrent;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Scheduling.Tests;

/// <summary>A platform that records what it was asked to deliver, and can be told to fail for a while.</summary>
public sealed class RecordingMessenger : IPlatformMessenger
{
    private readonly ConcurrentQueue<Outbound> _sent = new();
    private readonly ConcurrentQueue<Outbound> _attempts = new();
    private readonly ConcurrentQueue<DateTimeOffset> _sentAt = new();
    private int _failuresLeft;
    private bool _stopNext;

    public string Platform => "test";

    public IReadOnlyList<Outbound> Sent => _sent.ToList();

    /// <summary>When each of <see cref="Sent"/> went out, on <see cref="Clock"/>.</summary>
    public IReadOnlyList<DateTimeOffset> SentAt => _sentAt.ToList();

    /// <summary>The bot's clock, to note when each message went out.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every send asked for, the failed ones included.</summary>
    public IReadOnlyList<Outbound> Attempts => _attempts.ToList();

    /// <summary>Optional pause inside each send, to widen the window in which two passes could race.</summary>
    public TimeSpan Latency { get; set; }

    public void FailNext(int times) => _failuresLeft = times;

    /// <summary>
    /// The next send never comes back: the process is stopped while the platform has the message, so nobody
    /// learns whether it arrived.
    /// </summary>
    public void StopDuringNextSend() => _stopNext = true;

    /// <summary>Every send to a channel is refused for good, as a platform does when the bot may not post there.</summary>
    public string? RefuseChannels { get; set; }

    /// <summary>Every send to a channel fails as during an outage (DMs still arrive), until this is turned off.</summary>
    public bool ChannelsDown { get; set; }

    public async Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(message);
        if (_stopNext)
        {
            _stopNext = false;
            throw new OperationCanceledException("The host is stopping.");
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new MessageNotDeliveredException("The platform answered 503.", transient: true);
        }

        if (ChannelsDown && message.To is ToChannel)
        {
            throw new MessageNotDeliveredException("The platform answered 503.", transient: true);
        }

        if (RefuseChannels is { } reason && message.To is ToChannel)
        {
            throw new MessageNotDeliveredException(reason, transient: false);
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        _sentAt.Enqueue(Clock.GetUtcNow());
        _sent.Enqueue(message);
        return $"msg-{_sent.Count}";
    }

    public IReadOnlyList<string> Texts() =>
        Sent.Select(o => string.Join('\n', o.Blocks.OfType<TextBlock>().Select(t => t.Text).Concat(o.Blocks.OfType<HeaderBlock>().Select(h => h.Text))))
            .ToList();
}
