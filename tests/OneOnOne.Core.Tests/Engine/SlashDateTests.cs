using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Time;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Slash dates are read by the organizer's convention (<c>dates day-first|month-first</c>); one that could be either
/// way round is asked about once, and the answer is remembered. The harness starts on Thursday 26 Nov 2026, 10:00.
/// </summary>
public sealed class SlashDateTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private Conversation _ana = null!;

    public async Task InitializeAsync()
    {
        _ana = _bot.Organizer("Ana");
        await _ana.Command("list add Darnell");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("25/12 at 3pm", "Fri 25 Dec, 15:00")]   // a part over 12 is the day, whatever the convention
    [InlineData("12/25 at 3pm", "Fri 25 Dec, 15:00")]
    [InlineData("12/12 at 3pm", "Sat 12 Dec, 15:00")]   // both equal
    public async Task A_slash_date_that_reads_one_way_is_booked_and_shown_with_its_weekday(string when, string shown)
    {
        (await _ana.Command($"schedule Darnell {when}")).Expect($"Scheduled: Darnell, {shown}");
    }

    [Fact]
    public async Task An_ambiguous_slash_date_asks_which_with_both_readings_and_remembers_the_answer()
    {
        (await _ana.Command("schedule Darnell 12/03 6pm at the library"))
            .Expect("Does “12/03” mean Thu 3 Dec or Fri 12 Mar", "[Thu 3 Dec]", "[Fri 12 Mar", "remember")
            .ExpectNot("Scheduled");

        (await _ana.Press("Thu 3 Dec"))
            .Expect("From now on I'll read dates like “12/03” month first", "`dates day-first`",
                    "Scheduled: Darnell, Thu 3 Dec, 18:00, 45 minutes at the library");
        Assert.Equal(DateOrder.MonthFirst, await OrderAsync());

        await _ana.Command("list add Maria");
        (await _ana.Command("schedule Maria 12/04 6pm")).Expect("Scheduled: Maria, Fri 4 Dec, 18:00").ExpectNot("Does");
    }

    [Fact]
    public async Task The_reading_can_be_typed_and_a_slash_day_without_a_time_then_asks_the_time()
    {
        (await _ana.Command("schedule Darnell 3/12")).Expect("Does “3/12” mean Thu 3 Dec or Fri 12 Mar");

        (await _ana.Send("day-first")).Expect("Got it: Thu 3 Dec", "day first", "What time on Thu 3 Dec?", "[17:30]");
        Assert.Equal(DateOrder.DayFirst, await OrderAsync());

        (await _ana.Send("6pm")).Expect("Scheduled: Darnell, Thu 3 Dec, 18:00");
    }

    [Fact]
    public async Task The_which_way_question_survives_a_restart()
    {
        await _ana.Command("schedule Darnell 12/03 6pm");
        await _bot.Restart();

        (await _ana.Command("continue")).Expect("Does “12/03” mean Thu 3 Dec or Fri 12 Mar");
        (await _ana.Press("Fri 12 Mar")).Expect("Scheduled: Darnell, Fri 12 Mar 2027, 18:00");
    }

    [Theory]
    [InlineData("dates day-first", "12/03 is 12 March", "Fri 12 Mar 2027, 18:00")]
    [InlineData("dates month-first", "12/03 is 3 December", "Thu 3 Dec, 18:00")]
    public async Task A_convention_set_reads_ambiguous_slash_dates_without_asking(string setting, string said, string shown)
    {
        (await _ana.Command(setting)).Expect(said);
        (await _ana.Command("schedule Darnell 12/03 6pm")).Expect($"Scheduled: Darnell, {shown}").ExpectNot("Does");
    }

    [Fact]
    public async Task The_dates_setting_says_what_it_is_takes_ask_and_explains_a_word_it_does_not_know()
    {
        (await _ana.Command("dates")).Expect("I ask which you mean", "`dates day-first`", "`dates month-first`");
        await _ana.Command("dates month-first");
        (await _ana.Command("dates")).Expect("month first (12/03 is 3 December)", "`dates day-first`");
        (await _ana.Command("dates ask")).Expect("I'll ask which you mean");
        Assert.Null(await OrderAsync());

        (await _ana.Command("dates european")).Expect("“european”", "`dates day-first`", "`dates month-first`").ExpectNot("Done");
        (await _ana.Command("help")).Expect("dates [day-first|month-first|ask]");
    }

    [Fact]
    public async Task In_the_move_flow_an_ambiguous_slash_date_asks_which_too()
    {
        await _ana.Command("schedule Darnell tomorrow 6pm");
        var didYouMeet = await _bot.QueryAsync(s => s.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.DidYouMeet));
        await _ana.Command($"followup {didYouMeet.Id} moved");

        (await _ana.Send("12/03 at 7pm")).Expect("Does “12/03” mean Thu 3 Dec or Fri 12 Mar").ExpectNot("Moved");
        (await _ana.Press("Thu 3 Dec")).Expect("Moved your 1:1 with Darnell from Fri 27 Nov, 18:00 to Thu 3 Dec, 19:00");
    }

    [Fact]
    public async Task Pausing_until_an_ambiguous_slash_date_asks_with_both_readings_as_buttons()
    {
        (await _ana.Command("pause until 12/03"))
            .Expect("“12/03” could be", "[Thu 3 Dec]", "[Fri 12 Mar 2027]", "`dates day-first`")
            .ExpectNot("paused");

        (await _ana.Press("Thu 3 Dec")).Expect("Reminders paused until Thu 3 Dec");
    }

    [Fact]
    public async Task Pausing_until_a_slash_date_whose_other_reading_is_today_takes_the_one_ahead_and_shows_it()
    {
        _bot.Time.Advance(TimeSpan.FromDays(7)); // Thu 3 Dec: "12/03" as 3 Dec can't be a pause's end.

        (await _ana.Command("pause until 12/03"))
            .Expect("Reminders paused until Fri 12 Mar 2027")
            .ExpectNot("could be");
    }

    [Fact]
    public async Task Pausing_until_a_slash_date_read_by_the_convention_shows_its_weekday()
    {
        await _ana.Command("dates day-first");
        (await _ana.Command("pause until 4/12")).Expect("Reminders paused until Fri 4 Dec");
    }

    private Task<DateOrder?> OrderAsync() => _bot.QueryAsync(s => s.Organizers.Select(o => o.DateOrder).SingleAsync());
}
