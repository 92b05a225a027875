using OneOnOne.Slack.Api;

namespace OneOnOne.Slack.Conversation;

/// <summary>
/// Lets a slash command's answer ride on the acknowledgement itself when the engine has it in time:
/// the person sees it at once and no response-URL call is spent. Exactly one side wins: the engine
/// hands the answer over, or the acknowledgement stops waiting and leaves empty. An answer handed over
/// is sent through the response URL after all if its acknowledgement could not be sent.
/// </summary>
public sealed class InlineAnswer
{
    /// <summary>How long the engine's side waits to hear whether the acknowledgement left; then it assumes not.</summary>
    private static readonly TimeSpan SendVerdictTimeout = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource<ResponseUrlMessage?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Offers <paramref name="message"/> to the acknowledgement. True once it has been sent with it; false
    /// when the acknowledgement left without it or could not be sent, and the caller must deliver it.
    /// </summary>
    public async Task<bool> TryHandOverAsync(ResponseUrlMessage message, CancellationToken ct)
    {
        if (!_answer.TrySetResult(message))
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

    /// <summary>Lets the acknowledgement leave now, empty: the answer is not a single in-place message, or there is none.</summary>
    public void Decline() => _answer.TrySetResult(null);

    /// <summary>The answer, if it is handed over within <paramref name="window"/>; null otherwise, and no hand-over is taken after that.</summary>
    public async Task<ResponseUrlMessage?> WaitAsync(TimeSpan window)
    {
        if (!_answer.Task.IsCompleted)
        {
            using var timeout = new CancellationTokenSource(window);
            await using (timeout.Token.UnsafeRegister(static state => ((InlineAnswer)state!).Decline(), this))
            {
                await _answer.Task;
            }
        }

        return await _answer.Task;
    }

    /// <summary>Called by the transport once it knows whether the acknowledgement carrying the answer was sent.</summary>
    public void ReportSent(bool sent) => _sent.TrySetResult(sent);
}
