namespace OneOnOne.Adapters.Acknowledgement;

/// <summary>
/// Where the engine's answer can be left for an acknowledgement that is still waiting, so that a quick
/// answer rides on it (Slack's slash-command 200, Discord's first interaction response) instead of
/// costing a second call. Exactly one side wins: the answer is handed over, or the acknowledgement
/// stops waiting and leaves without it, after which the adapter delivers the answer the usual way.
/// </summary>
public sealed class AnswerSlot<T>
    where T : class
{
    private readonly TaskCompletionSource<T?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True when the acknowledgement will carry <paramref name="answer"/>; false when it has already left without it.</summary>
    public bool TryHandOver(T answer) => _answer.TrySetResult(answer);

    /// <summary>Lets the acknowledgement leave now, without an answer: there is none it could carry.</summary>
    public void Decline() => _answer.TrySetResult(null);

    /// <summary>The answer, if it is handed over within <paramref name="window"/>; null otherwise, and no hand-over is taken after that.</summary>
    public async Task<T?> WaitAsync(TimeSpan window, InlineAnswerClock clock)
    {
        if (!_answer.Task.IsCompleted)
        {
            using var timeout = new CancellationTokenSource(window, clock.Time);
            await using (timeout.Token.UnsafeRegister(static state => ((AnswerSlot<T>)state!).Decline(), this))
            {
                await _answer.Task;
            }
        }

        return await _answer.Task;
    }
}
