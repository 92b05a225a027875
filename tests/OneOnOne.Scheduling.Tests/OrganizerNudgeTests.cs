using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;
using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>The nudges about an organizer's own practice: pace against the goal, and people never contacted.</summary>
public sealed class OrganizerNudgeTests : IAsyncLifetime
{
    private readonly Mock<IPlatformMessenger> _platform = new();
    private readonly BotHarness _bot;
    private readonly Conversation _ana;

    public OrganizerNudgeTests()
    {
        _platform.SetupGet(p => p.Platform).Returns("test");
        _platform.Setup(p => p.SendAsync(It.IsAny<Outbound>(), It.IsAny<CancellationToken>())).ReturnsAsync("msg-1");
        _bot = new BotHarness(services => services.AddOneOnOneDispatch().AddSingleton(_platform.Object));
        _ana = _bot.Organizer("Ana");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Halfway_through_the_window_and_behind_the_organizer_hears_about_pace()
    {
        await _ana.Command("goal 6");
        await HoldAMeetingWith("Maria");

        // The meeting's own reminders come first; Ana answers them, so she isn't "going quiet".
        await Dispatch(TimeSpan.FromDays(2));
        await _ana.Command("status");
        await Dispatch(TimeSpan.FromDays(11.5));
        Assert.Equal(FollowUpStatus.Pending, await StatusOf(FollowUpKind.GoalPace));
        await Dispatch(TimeSpan.FromDays(1));
        Assert.Equal(FollowUpStatus.Sent, await StatusOf(FollowUpKind.GoalPace));
        VerifyReachedThePlatform("a little behind on your 1:1 goal", Times.Once());
    }

    [Fact]
    public async Task On_pace_there_is_no_pace_nudge()
    {
        await _ana.Command("goal 2");
        await HoldAMeetingWith("Maria");

        await Dispatch(TimeSpan.FromDays(14.1));
        Assert.Equal(FollowUpStatus.Cancelled, await StatusOf(FollowUpKind.GoalPace));
        VerifyReachedThePlatform("a little behind on your 1:1 goal", Times.Never());
    }

    [Fact]
    public async Task Someone_waiting_two_weeks_on_the_list_brings_one_nudge_unless_they_were_contacted()
    {
        await _ana.Command("list add Sam");
        await _ana.Command("list add Dee");
        Assert.Equal(1, await _bot.QueryAsync(s => s.FollowUps.CountAsync(f => f.Kind == FollowUpKind.UncontactedPeople)));

        await Dispatch(TimeSpan.FromDays(14.1));
        Assert.Equal(FollowUpStatus.Sent, await StatusOf(FollowUpKind.UncontactedPeople));
        VerifyReachedThePlatform("still waiting to hear from you", Times.Once());

        await _ana.Command("list add Lee");
        await _ana.Command("schedule Lee 2026-12-12 10:00");
        await _ana.Command("schedule Sam 2026-12-12 11:00");
        await _ana.Command("schedule Dee 2026-12-12 12:00");
        await Dispatch(TimeSpan.FromDays(15));
        Assert.Equal(FollowUpStatus.Cancelled, await _bot.QueryAsync(s => s.FollowUps
            .Where(f => f.Kind == FollowUpKind.UncontactedPeople).OrderBy(f => f.Id).Select(f => f.Status).LastAsync()));
    }

    private async Task HoldAMeetingWith(string name)
    {
        await _ana.Command($"list add {name}");
        await _ana.Command($"met {name}");
        await _ana.Command("cancel");
    }

    /// <summary>Whether the nudge saying <paramref name="words"/> went out to Ana, and how often.</summary>
    private void VerifyReachedThePlatform(string words, Times times) =>
        _platform.Verify(p => p.SendAsync(It.Is<Outbound>(o => Text(o).Contains(words, StringComparison.Ordinal)), It.IsAny<CancellationToken>()), times);

    private Task<FollowUpStatus> StatusOf(FollowUpKind kind) =>
        _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == kind).Select(f => f.Status).SingleAsync());

    /// <summary>Moves the clock in hour steps (so quiet hours never hold a nudge past the end) and dispatches.</summary>
    private async Task Dispatch(TimeSpan span)
    {
        var end = _bot.Time.GetUtcNow() + span;
        while (_bot.Time.GetUtcNow() < end)
        {
            _bot.Time.Advance(TimeSpan.FromHours(1));
            await _bot.WithScopeAsync<FollowUpDispatcher, DispatchSummary>(d => d.DispatchDueAsync(CancellationToken.None));
        }
    }
}
