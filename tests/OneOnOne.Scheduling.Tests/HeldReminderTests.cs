using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;
using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// Issue 9, items 9, 10 and 15 as the organizer lives them: reminders held while the bot waits for an
/// answer come back, a zone change loses no pocket guide, and every reminder carries its reference.
/// </summary>
public sealed class HeldReminderTests : IAsyncLifetime
{
    private readonly RecordingMessenger _platform = new();
    private readonly BotHarness _bot;
    private readonly Conversation _ana;

    public HeldReminderTests()
    {
        _bot = new BotHarness(services => services.AddOneOnOneDispatch().AddSingleton<IPlatformMessenger>(_platform));
        _ana = _bot.Organizer("Ana");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Reminders_due_after_the_pause_question_are_held_listed_and_sent_once_the_organizer_answers()
    {
        foreach (var name in new[] { "Maria", "Lee", "Kim", "Dee", "Sam" })
        {
            await _ana.Command($"list add {name}");
        }

        // A maybe from Maria today (the reflection done, so no prompts): a thank-you at 13:00, the maybe follow-up on Sunday.
        await _ana.Command("met Maria");
        await _ana.Press("Maybe");
        await _ana.Send("skip");
        await _ana.Send("skip");
        await _ana.Send("skip");

        // One answer makes it a reflection; a reflection with every question skipped would keep its reminders.
        await _ana.Send("we both grew up on Elm street");
        for (var i = 0; i < 9; i++)
        {
            await _ana.Send("skip");
        }

        // Two long 1:1s on Friday: their pocket guides go out and go unanswered; their did-you-meets fall due after that.
        await _ana.Command("schedule Lee 2026-11-27 10:00 for 240");
        await _ana.Command("schedule Kim 2026-11-27 10:30 for 240");
        // Two 1:1s on Sunday late morning, whose pocket guides fall due before Ana is back.
        await _ana.Command("schedule Dee 2026-11-29 11:00");
        await _ana.Command("schedule Sam 2026-11-29 11:30");

        await _bot.AdvanceToAsync(2026, 11, 27, 14, 0);
        Assert.Equal(3, _platform.Sent.Count); // thank-you, Lee's and Kim's pocket guides: none answered

        await _bot.AdvanceToAsync(2026, 11, 29, 10, 40);
        Assert.Equal(4, _platform.Sent.Count);
        var question = _platform.Sent[3];
        Assert.Contains("Shall I pause them", Text(question));

        var held = await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Status == FollowUpStatus.Held).OrderBy(f => f.DueAt).ToListAsync());
        Assert.Equal(
            [FollowUpKind.DidYouMeet, FollowUpKind.DidYouMeet, FollowUpKind.RevisitMaybe, FollowUpKind.PocketGuide, FollowUpKind.PocketGuide],
            held.Select(f => f.Kind));

        await _ana.Command("status");
        _ana.Expect("Held since I asked whether to pause");
        foreach (var followUp in held)
        {
            _ana.Expect($"(#{followUp.Id})");
        }

        var deesGuide = held.Single(f => f.Kind == FollowUpKind.PocketGuide && f.DueAt == held.Where(h => h.Kind == FollowUpKind.PocketGuide).Min(h => h.DueAt));
        (await _ana.Command("person Dee")).Expect($"Next follow-up: pocket guide before the 1:1 (#{deesGuide.Id})", "held while I waited to hear from you");

        await _ana.Deliver(new ButtonInput(ButtonPayload(question, "Keep them coming")));
        _ana.Expect("Reminders are on", "5 reminders I held");
        await _bot.DispatchAsync();

        Assert.Equal(9, _platform.Sent.Count);
        var arrived = _platform.Sent.Skip(4).Select(Text).ToList();
        Assert.Contains("Lee", arrived[0]);
        Assert.Contains("Kim", arrived[1]);
        Assert.Contains("maybe", arrived[2]);
        Assert.Contains("Dee", arrived[3]);
        Assert.Contains("Sam", arrived[4]);
        for (var i = 0; i < held.Count; i++)
        {
            Assert.Contains($"#{held[i].Id}", arrived[i]);
        }

        Assert.Equal(0, await _bot.QueryAsync(s => s.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Held || f.Status == FollowUpStatus.Dropped)));
    }

    [Fact]
    public async Task A_held_reminder_no_longer_useful_when_the_organizer_answers_is_cancelled_quietly()
    {
        await _ana.Command("list add Lee");
        await _ana.Command("list add Kim");
        await _ana.Command("list add Dee");
        await _ana.Command("schedule Lee 2026-11-26 11:00");
        await _ana.Command("schedule Kim 2026-11-26 11:30");
        await _ana.Command("schedule Dee 2026-11-26 12:00");
        foreach (var id in await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == FollowUpKind.DidYouMeet).Select(f => f.Id).ToListAsync()))
        {
            await _ana.Command($"followup {id} dismiss");
        }

        await _ana.Command("list add Sam");
        await _ana.Command("schedule Sam 2026-11-27 10:00");
        await _bot.AdvanceToAsync(2026, 11, 27, 9, 30);
        Assert.Contains("Shall I pause them", Text(_platform.Sent[^1]));
        Assert.Equal(FollowUpStatus.Held, await StatusOf(FollowUpKind.PocketGuide, "Sam"));

        await _bot.AdvanceToAsync(2026, 11, 27, 10, 30);
        await _ana.Command("nudges on");
        await _bot.DispatchAsync();
        Assert.Equal(FollowUpStatus.Cancelled, await StatusOf(FollowUpKind.PocketGuide, "Sam"));
        Assert.DoesNotContain(_platform.Texts(), t => t.Contains("Sam", StringComparison.Ordinal) && !t.Contains("pause", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pocket_guide_that_a_new_zone_puts_in_the_night_arrives_the_evening_before()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
        (await _ana.Command("timezone Europe/Berlin")).Expect("Sat 28 Nov, 00:00 in Europe/Berlin");

        // 18:00 in New York is midnight in Berlin: an hour before is 23:00, inside quiet hours.
        await _bot.AdvanceToAsync(2026, 11, 27, 18, 0);
        var guide = Assert.Single(_platform.Sent);
        Assert.Contains("Maria", Text(guide));
        Assert.Equal(FollowUpStatus.Sent, await StatusOf(FollowUpKind.PocketGuide, "Maria"));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero),
            await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == FollowUpKind.PocketGuide).Select(f => f.SentAt).SingleAsync()));
    }

    [Fact]
    public async Task Every_reminder_shows_its_reference_and_its_buttons_still_answer_it()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("schedule Maria tomorrow 6pm");
        await _bot.AdvanceToAsync(2026, 11, 27, 19, 15);
        var didYouMeet = await _bot.QueryAsync(s => s.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.DidYouMeet));
        var message = _platform.Sent[^1];
        Assert.Contains($"#{didYouMeet.Id}", Text(message));

        await _ana.Deliver(new ButtonInput(ButtonPayload(message, "Snooze 1 day")));
        _ana.Expect($"(#{didYouMeet.Id})", "tomorrow");
    }

    private Task<FollowUpStatus> StatusOf(FollowUpKind kind, string person) =>
        _bot.QueryAsync(s => s.FollowUps.Where(f => f.Kind == kind && f.Person!.Name == person).Select(f => f.Status).SingleAsync());
}
