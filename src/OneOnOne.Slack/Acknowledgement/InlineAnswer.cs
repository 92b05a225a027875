using OneOnOne.Adapters.Acknowledgement;
using OneOnOne.Slack.Api;

namespace OneOnOne.Slack.Acknowledgement;

/// <summary>
/// A slash command's answer riding on its acknowledgement (see <see cref="AnswerSlot{T}"/>), plus the
/// transport's word on whether that acknowledgement was sent: an answer whose acknowledgement could not
/// be sent goes through the response URL after all.
/// </summary>
public sealed class InlineAnswer
{
    /// <summary>How long the engine's side waits to hear whether the acknowledgement left; then it assumes not.</summary>
    private static readonly TimeSpan SendVerdictTimeout = TimeSpan.FromSeconds(10);

    private readonly AnswerSlot<ResponseUrlMessage> _slot = new();
    private readonly TaskCompletionSource<bool> _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>For a command whose acknowledgement left long ago (it was accepted before a restart): its answer goes the usual way.</summary>
    public static InlineAnswer Declined()
    {
        var inline = new InlineAnswer();
        inline.Decline();
        return inline;
    }

    /// <summary>
    /// Offers <paramref name="message"/> to the acknowledgement. True once it has been sent with it; false
    /// when the acknowledgement left without it or could not be sent, and the caller must deliver it.
    /// </summary>
    public async Task<bool> TryHandOverAsync(ResponseUrlMessage message, CancellationToken ct)
    {
        if (!_slot.TryHandOver(message))
        {
            return false;
        }

        try
        {
            return await _sent.Task.WaitAsync(SendVerdictTimeout, ct);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <inheritdoc cref="AnswerSlot{T}.Decline"/>
    public void Decline() => _slot.Decline();

    /// <inheritdoc cref="AnswerSlot{T}.WaitAsync"/>
    public Task<ResponseUrlMessage?> WaitAsync(TimeSpan window, InlineAnswerClock clock) => _slot.WaitAsync(window, clock);

    /// <summary>Called by the transport once it knows whether the acknowledgement carrying the answer was sent.</summary>
    public void ReportSent(bool sent) => _sent.TrySetResult(sent);
}
