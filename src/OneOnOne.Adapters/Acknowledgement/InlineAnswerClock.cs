namespace OneOnOne.Adapters.Acknowledgement;

/// <summary>
/// The clock an acknowledgement's wait for a quick answer runs on (<see cref="AnswerSlot{T}.WaitAsync"/>). It is the
/// machine's own clock, kept apart from the bot's <see cref="TimeProvider"/> (which the console and tests move at will),
/// so that tests can hold the window open and not depend on how fast a busy machine answers.
/// </summary>
public sealed record InlineAnswerClock(TimeProvider Time)
{
    public static InlineAnswerClock System { get; } = new(TimeProvider.System);
}
