using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// A day typed without a time ("schedule Darnell tomorrow") is a question the organizer answers with a button or a
/// typed time, and the answer books the 1:1 as if the time had been typed with the day. The harness starts on
/// Thursday 26 Nov 2026, 10:00 (New York).
/// </summary>
public sealed class TimeQuestionTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private Conversation _ana = null!;

    public async Task InitializeAsync()
    {
        _ana = _bot.Organizer("Ana");
        await _ana.Command("list add Darnell");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_day_without_a_time_asks_with_time_buttons_and_a_press_books_it_with_everything_typed()
    {
        (await _ana.Command("schedule Darnell tomorrow at the library for 30"))
            .Expect("What time on Fri 27 Nov?", "[12:00]", "[17:30]", "[18:30]")
            .ExpectNot("Scheduled", "couldn't read");
        Assert.Null(await StartAsync());

        (await _ana.Press("17:30")).Expect("Scheduled: Darnell, Fri 27 Nov, 17:30, 30 minutes at the library");
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 22, 30, 0, TimeSpan.Zero), await StartAsync());
    }

    [Theory]
    [InlineData("6", "Tue 1 Dec, 18:00")]                // a bare hour answering "what time?" is a time, as after "at"
    [InlineData("6:45pm", "Tue 1 Dec, 18:45")]
    [InlineData("half past six", "Tue 1 Dec, 18:30")]
    [InlineData("at 9", "Tue 1 Dec, 09:00")]
    [InlineData("18h30", "Tue 1 Dec, 18:30")]
    [InlineData("wed 7pm", "Wed 2 Dec, 19:00")]          // a day and a time: they changed their mind
    public async Task A_typed_time_answers_the_question_for_that_day(string typed, string shown)
    {
        (await _ana.Command("schedule Darnell next tuesday")).Expect("What time on Tue 1 Dec?");
        (await _ana.Send(typed)).Expect($"Scheduled: Darnell, {shown}, 45 minutes");
    }

    [Fact]
    public async Task A_part_of_the_day_said_with_the_day_reads_the_typed_hour_and_picks_the_buttons()
    {
        (await _ana.Command("schedule Darnell monday morning at the cafe"))
            .Expect("What time on Mon 30 Nov?", "[08:00]", "[09:00]", "[10:00]")
            .ExpectNot("[17:30]");
        (await _ana.Send("7")).Expect("Scheduled: Darnell, Mon 30 Nov, 07:00, 45 minutes at the cafe");
    }

    [Fact]
    public async Task The_buttons_are_the_organizers_usual_times_most_frequent_first()
    {
        await _ana.Command("list add Maria");
        await _ana.Command("list add Sam");
        await _ana.Command("list add Lee");
        await _ana.Command("schedule Maria tue 19:00");
        await _ana.Command("schedule Sam wed 8:15am");
        await _ana.Command("schedule Lee fri 19:00");

        (await _ana.Command("schedule Darnell monday")).Expect("What time on Mon 30 Nov?");
        Assert.Equal(["19:00", "08:15"], _ana.Buttons.Select(b => b.Label).Take(2));
        Assert.DoesNotContain(_ana.Buttons, b => b.Label == "12:00");

        (await _ana.Press("19:00")).Expect("Scheduled: Darnell, Mon 30 Nov, 19:00");
    }

    [Fact]
    public async Task Today_offers_no_time_that_has_passed_and_a_past_time_typed_is_asked_again()
    {
        _bot.Time.Advance(TimeSpan.FromHours(3)); // 13:00

        (await _ana.Command("schedule Darnell today")).Expect("What time on Thu 26 Nov?", "[17:30]", "[18:30]").ExpectNot("[12:00]");
        (await _ana.Send("9am")).Expect("has already passed", "What time on Thu 26 Nov?", "[17:30]").ExpectNot("Scheduled");
        Assert.Null(await StartAsync());

        (await _ana.Send("5pm")).Expect("Scheduled: Darnell, Thu 26 Nov, 17:00");
    }

    [Fact]
    public async Task A_time_that_cannot_be_read_is_asked_again_with_the_buttons()
    {
        await _ana.Command("schedule Darnell tomorrow");

        (await _ana.Send("6ish")).Expect("“6ish”", "What time on Fri 27 Nov?", "[17:30]").ExpectNot("Scheduled");
        (await _ana.Send("25:00")).Expect("What time on Fri 27 Nov?").ExpectNot("Scheduled");
        (await _ana.Send("6pm")).Expect("Scheduled: Darnell, Fri 27 Nov, 18:00");
    }

    [Fact]
    public async Task The_question_survives_a_restart_and_its_buttons_still_book()
    {
        await _ana.Command("schedule Darnell tomorrow at the library");
        await _bot.Restart();

        // The first line after a restart is held back and the question shown again, buttons included.
        (await _ana.Send("6pm")).Expect("I didn't save your last message", "What time on Fri 27 Nov?", "[18:30]").ExpectNot("Scheduled");
        (await _ana.Press("18:30")).Expect("Scheduled: Darnell, Fri 27 Nov, 18:30, 45 minutes at the library");
    }

    [Fact]
    public async Task A_command_typed_while_the_question_waits_runs_and_the_question_stays()
    {
        await _ana.Command("schedule Darnell tomorrow");

        (await _ana.Send("status")).Expect("What time on Fri 27 Nov?").ExpectNot("couldn't read");
        (await _ana.Send("list add Maria")).Expect("Maria", "What time on Fri 27 Nov?").ExpectNot("couldn't read");
        Assert.Equal(1, await _bot.QueryAsync(s => s.People.CountAsync(p => p.Name == "Maria")));

        (await _ana.Send("6pm")).Expect("Scheduled: Darnell, Fri 27 Nov, 18:00");
    }

    [Fact]
    public async Task Leaving_the_question_books_nothing()
    {
        await _ana.Command("schedule Darnell tomorrow");
        (await _ana.Send("cancel")).Expect("closed");
        Assert.Null(await StartAsync());
    }

    [Fact]
    public async Task While_other_questions_wait_a_day_without_a_time_gets_the_line_to_type()
    {
        await _ana.Command("plan Darnell");

        (await _ana.Command("schedule Darnell tomorrow at the library"))
            .Expect("What time on Fri 27 Nov?", "`schedule Darnell tomorrow at 6pm at the library`");
        Assert.Equal("prep", (await _bot.QueryAsync(s => s.FlowRuns.SingleAsync(r => r.Status == FlowStatus.Active))).Flow);
    }

    [Fact]
    public async Task A_new_time_answered_with_a_day_asks_the_time_with_buttons_in_the_move_flow()
    {
        await _ana.Command("schedule Darnell tomorrow 6pm");
        var didYouMeet = await _bot.QueryAsync(s => s.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.DidYouMeet));
        (await _ana.Command($"followup {didYouMeet.Id} moved")).Expect("When is your 1:1 with Darnell now?");

        (await _ana.Send("tuesday")).Expect("What time on Tue 1 Dec?", "[18:00]").ExpectNot("Moved");
        (await _ana.Press("18:00")).Expect("Moved your 1:1 with Darnell from Fri 27 Nov, 18:00 to Tue 1 Dec, 18:00");
    }

    [Fact]
    public async Task In_the_move_flow_a_typed_time_and_a_restart_work_the_same()
    {
        await _ana.Command("schedule Darnell tomorrow 6pm");
        var didYouMeet = await _bot.QueryAsync(s => s.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.DidYouMeet));
        await _ana.Command($"followup {didYouMeet.Id} moved");
        (await _ana.Send("dec 12")).Expect("What time on Sat 12 Dec?");
        await _bot.Restart();

        (await _ana.Command("continue")).Expect("What time on Sat 12 Dec?");
        (await _ana.Send("quarter to seven")).Expect("Moved your 1:1 with Darnell from Fri 27 Nov, 18:00 to Sat 12 Dec, 18:45");
    }

    private Task<DateTimeOffset?> StartAsync() =>
        _bot.QueryAsync(s => s.Meetings.Where(m => m.Person.Name == "Darnell").Select(m => m.StartsAt).SingleOrDefaultAsync());
}
