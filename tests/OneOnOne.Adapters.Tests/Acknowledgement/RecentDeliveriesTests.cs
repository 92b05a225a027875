using Microsoft.Extensions.Time.Testing;
using OneOnOne.Adapters.Acknowledgement;

namespace OneOnOne.Adapters.Tests.Acknowledgement;

public sealed class RecentDeliveriesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_repeat_is_recognised_and_gets_the_first_answer()
    {
        var recent = new RecentDeliveries<string>(_time, Window);

        Assert.True(recent.TryClaim("e1", out _));
        recent.Remember("e1", "Added Maria");

        Assert.False(recent.TryClaim("e1", out var first));
        Assert.Equal("Added Maria", first);
    }

    [Fact]
    public void An_answer_kept_for_less_than_the_window_is_let_go_while_its_id_stays_claimed()
    {
        var recent = new RecentDeliveries<string>(_time, Window, answersFor: TimeSpan.FromSeconds(3));
        recent.TryClaim("e1", out _);
        recent.Remember("e1", "Added Maria");

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(recent.TryClaim("e1", out var soon));
        Assert.Equal("Added Maria", soon);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(recent.TryClaim("e1", out var later));
        Assert.Null(later);
    }

    [Fact]
    public void Answers_past_their_time_are_released_for_the_collector_without_waiting_for_a_sweep()
    {
        var recent = new RecentDeliveries<object>(_time, Window, answersFor: TimeSpan.FromSeconds(3));
        var answer = Remembered(recent);

        _time.Advance(TimeSpan.FromSeconds(4));
        recent.TryClaim("e2", out _);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(answer.TryGetTarget(out _));
    }

    /// <summary>Kept out of line so the test's own frame holds no reference to the answer.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference<object> Remembered(RecentDeliveries<object> recent)
    {
        var answer = new object();
        recent.TryClaim("e1", out _);
        recent.Remember("e1", answer);
        return new WeakReference<object>(answer);
    }

    [Fact]
    public void After_the_window_the_same_id_is_new_again()
    {
        var recent = new RecentDeliveries<string>(_time, Window);
        recent.TryClaim("e1", out _);
        recent.Remember("e1", "Added Maria");

        _time.Advance(Window + TimeSpan.FromSeconds(1));

        Assert.True(recent.TryClaim("e1", out var first));
        Assert.Null(first);
    }

    [Fact]
    public void An_answer_that_could_not_be_sent_is_not_repeated_but_the_id_stays_claimed()
    {
        var recent = new RecentDeliveries<string>(_time, Window);
        recent.TryClaim("e1", out _);
        recent.Remember("e1", "answer");
        recent.Remember("e1", null);

        Assert.False(recent.TryClaim("e1", out var first));
        Assert.Null(first);
    }

    [Fact]
    public void A_released_id_is_handled_when_it_comes_again()
    {
        var recent = new RecentDeliveries<string>(_time, Window);
        recent.TryClaim("e1", out _);

        recent.Release("e1");

        Assert.True(recent.TryClaim("e1", out _));
    }

    [Fact]
    public void Under_a_flood_only_the_newest_ids_are_kept()
    {
        var recent = new RecentDeliveries<string>(_time, Window, capacity: 100);
        for (var i = 0; i < 100; i++)
        {
            recent.TryClaim($"old-{i}", out _);
        }

        _time.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 100; i++)
        {
            recent.TryClaim($"new-{i}", out _);
        }

        Assert.False(recent.TryClaim("new-99", out _));
        Assert.True(recent.TryClaim("old-0", out _));
    }
}
