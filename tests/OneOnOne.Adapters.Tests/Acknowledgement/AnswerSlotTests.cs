using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Acknowledgement;

namespace OneOnOne.Adapters.Tests.Acknowledgement;

/// <summary>Exactly one side wins: the acknowledgement carries the answer, or it leaves without it and takes none later.</summary>
public sealed class AnswerSlotTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);

    private readonly FakeTimeProvider _time = new();
    private readonly AnswerSlot<string> _slot = new();

    [Fact]
    public async Task An_answer_handed_over_within_the_window_rides_on_the_acknowledgement()
    {
        var waiting = _slot.WaitAsync(Window, new InlineAnswerClock(_time));

        Assert.True(_slot.TryHandOver("Added Maria Lopez to your list."));
        Assert.Equal("Added Maria Lopez to your list.", await waiting);
    }

    [Fact]
    public async Task Once_the_window_has_lapsed_the_acknowledgement_leaves_and_the_answer_goes_the_usual_way()
    {
        var waiting = _slot.WaitAsync(Window, new InlineAnswerClock(_time));
        Assert.False(waiting.IsCompleted);

        _time.Advance(Window);

        Assert.Null(await waiting);
        Assert.False(_slot.TryHandOver("too late"));
    }

    [Fact]
    public async Task A_declined_slot_lets_the_acknowledgement_leave_at_once()
    {
        var waiting = _slot.WaitAsync(Window, new InlineAnswerClock(_time));

        _slot.Decline();

        Assert.Null(await waiting);
    }
}
