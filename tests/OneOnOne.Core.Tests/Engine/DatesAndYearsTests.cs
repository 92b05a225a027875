using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// A date typed without a year is never silently moved a year on, and a date shown says its year
/// whenever it is not this year or is far away. The harness starts on Thursday 26 Nov 2026, 10:00 (New York).
/// </summary>
public sealed class DatesAndYearsTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Scheduling_on_a_day_that_just_passed_asks_instead_of_booking_next_year()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Darnell");
        _bot.Time.Advance(TimeSpan.FromDays(7)); // Thursday 3 Dec

        (await ana.Command("schedule Darnell dec 1 6pm at the library"))
            .Expect("Tue 1 Dec has already passed", "Did you mean Wed 1 Dec 2027?", "`schedule Darnell dec 1 2027 6pm at the library`")
            .ExpectNot("Scheduled");
        Assert.Null(await _bot.QueryAsync(s => s.Meetings.Select(m => m.StartsAt).SingleOrDefaultAsync()));

        (await ana.Command("schedule Darnell dec 1 2027 6pm at the library"))
            .Expect("Scheduled: Darnell, Wed 1 Dec 2027, 18:00, 45 minutes at the library");
        (await ana.Command("status")).Expect("Wed 1 Dec 2027, 18:00: Darnell");
    }

    [Theory]
    [InlineData("tomorrow @ 6pm at the library", "Fri 27 Nov, 18:00")]
    [InlineData("the 12th at 2pm at the library", "Sat 12 Dec, 14:00")]
    [InlineData("Friday, December 11 at 2pm at the library", "Fri 11 Dec, 14:00")]
    [InlineData("tuesday 6 at the library", "Tue 1 Dec, 18:00")]
    [InlineData("day after tomorrow at 10am at the library", "Sat 28 Nov, 10:00")]
    [InlineData("friday week at half past six at the library", "Fri 4 Dec, 18:30")]
    public async Task Scheduling_reads_dates_as_people_type_them(string when, string shown)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Darnell");
        (await ana.Command($"schedule Darnell {when}")).Expect($"Scheduled: Darnell, {shown}, 45 minutes at the library");
    }

    [Theory]
    [InlineData("tomorrow at the library", "What time on Fri 27 Nov?")]
    [InlineData("next tuesday", "What time on Tue 1 Dec?")]
    [InlineData("dec 12 for 30", "What time on Sat 12 Dec?")]
    [InlineData("monday morning at the cafe", "What time on Mon 30 Nov?")]
    [InlineData("thursday", "What time on Thu 26 Nov?")]
    [InlineData("jan 4", "What time on Mon 4 Jan 2027?")]
    public async Task Scheduling_a_day_without_a_time_asks_for_the_time_on_that_day(string when, string asked)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Darnell");
        (await ana.Command($"schedule Darnell {when}")).Expect(asked).ExpectNot("Scheduled", "couldn't read");
        Assert.Null(await _bot.QueryAsync(s => s.Meetings.Select(m => m.StartsAt).SingleOrDefaultAsync()));
    }

    [Fact]
    public async Task Next_friday_on_a_thursday_shows_the_distance_and_offers_the_other_friday()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Darnell");
        (await ana.Command("schedule Darnell next friday 6pm at the library for 30"))
            .Expect("Scheduled: Darnell, Fri 27 Nov, 18:00, 30 minutes at the library",
                "That is Fri 27 Nov, tomorrow. If you meant Fri 4 Dec, in 8 days, type `schedule Darnell dec 4 18:00 at the library for 30`.");

        (await ana.Command("schedule Darnell dec 4 18:00 at the library for 30"))
            .Expect("Moved your 1:1 with Darnell from Fri 27 Nov, 18:00 to Fri 4 Dec, 18:00")
            .ExpectNot("If you meant");
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero),
            await _bot.QueryAsync(s => s.Meetings.Select(m => m.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task Scheduling_on_a_weekday_that_does_not_match_the_date_asks_which()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Darnell");
        (await ana.Command("schedule Darnell fri dec 12 2pm at the library"))
            .Expect("Sat 12 Dec is a Saturday, not a Friday. Which day did you mean?")
            .ExpectNot("Scheduled", "Try one of these");
        (await ana.Command("schedule Darnell 12/03 2pm"))
            .Expect("Does “12/03” mean Thu 3 Dec or Fri 12 Mar")
            .ExpectNot("Scheduled");
        Assert.Null(await _bot.QueryAsync(s => s.Meetings.Select(m => m.StartsAt).SingleOrDefaultAsync()));
    }

    [Fact]
    public async Task A_commitment_date_on_the_wrong_weekday_is_asked_about()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.Advance(TimeSpan.FromDays(2));
        await ana.Command("met Maria");
        await ana.Press("Yes");
        (await ana.Send("join the committee")).Expect("By when?");

        (await ana.Send("fri dec 12")).Expect("Sat 12 Dec is a Saturday, not a Friday.").ExpectNot("next conversation");
        (await ana.Send("sat dec 12")).Expect("next conversation");
    }

    [Theory]
    [InlineData("monday morning", 2026, 11, 30, 14)]   // 09:00 in New York
    [InlineData("tomorrow afternoon", 2026, 11, 29, 22)] // the default 17:00 is an afternoon time
    [InlineData("friday week", 2026, 12, 11, 22)]       // a week after the coming Friday, at the default 17:00
    [InlineData("the 12th", 2026, 12, 12, 22)]
    public async Task A_commitment_due_on_a_day_said_in_words_gets_a_time_that_fits(string answer, int y, int m, int d, int utcHour)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.Advance(TimeSpan.FromDays(2)); // Saturday 28 Nov
        await ana.Command("met Maria");
        await ana.Press("Yes");
        (await ana.Send("join the committee")).Expect("By when?");

        (await ana.Send(answer)).Expect("next conversation");
        await ana.Send("skip");
        await ana.Press("Contributor");
        var due = await _bot.QueryAsync(s => s.Meetings.Select(m => m.CommitmentDueAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(y, m, d, utcHour, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public async Task Pausing_until_a_day_that_just_passed_asks_instead_of_pausing_a_year()
    {
        var ana = _bot.Organizer("Ana");
        _bot.Time.Advance(TimeSpan.FromDays(7)); // Thursday 3 Dec

        (await ana.Command("pause until dec 1"))
            .Expect("Tue 1 Dec has already passed", "Did you mean Wed 1 Dec 2027?", "`pause until dec 1 2027`")
            .ExpectNot("paused until");
        Assert.Null(await _bot.QueryAsync(s => s.Organizers.Select(o => o.PausedUntil).SingleAsync()));
    }

    [Fact]
    public async Task Pausing_until_a_date_on_the_wrong_weekday_says_so()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("pause until fri dec 12"))
            .Expect("Sat 12 Dec is a Saturday, not a Friday. Which day did you mean?")
            .ExpectNot("paused until");
        (await ana.Command("pause until sat dec 12")).Expect("Reminders paused until Sat 12 Dec, 08:00");
        (await ana.Command("pause until the day after tomorrow")).Expect("Reminders paused until Sat 28 Nov, 08:00");
    }

    [Theory]
    [InlineData("pause until dec 28 for 7 days")]
    [InlineData("pause for 2 weeks until dec 28")]
    public async Task A_pause_given_both_an_end_date_and_a_number_of_days_asks_for_one_of_the_two(string command)
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command(command)).Expect("just one of the two", "`pause until dec 28`", "`pause for 14 days`").ExpectNot("Until when");

        Assert.Null(await _bot.QueryAsync(s => s.Organizers.Select(o => o.PausedUntil).SingleOrDefaultAsync()));
    }

    [Fact]
    public async Task A_pause_refusal_says_which_limit_was_crossed()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("pause until 2026-11-20")).Expect("Fri 20 Nov, 08:00 has already passed").ExpectNot("within a year");
        (await ana.Command("pause until 2028-01-04")).Expect("Tue 4 Jan 2028, 08:00 is more than a year away");
        (await ana.Command("pause until jan 4")).Expect("Reminders paused until Mon 4 Jan 2027, 08:00");
    }

    [Fact]
    public async Task A_commitment_due_on_a_day_that_just_passed_is_asked_about()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        await ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.Advance(TimeSpan.FromDays(2));
        await ana.Command("met Maria");
        await ana.Press("Yes");
        (await ana.Send("join the committee")).Expect("By when?");

        (await ana.Send("nov 20")).Expect("Fri 20 Nov has already passed", "Did you mean Sat 20 Nov 2027?", "`nov 20 2027`");
        (await ana.Send("dec 12")).Expect("next conversation");
        await ana.Send("skip");
        await ana.Press("Contributor");
        var due = await _bot.QueryAsync(s => s.Meetings.Select(m => m.CommitmentDueAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 12, 22, 0, 0, TimeSpan.Zero), due); // 17:00 in New York
    }

    [Fact]
    public async Task A_date_in_another_year_shows_its_year_across_the_new_year()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria");
        _bot.Time.Advance(TimeSpan.FromDays(34)); // Tuesday 29 Dec 2026

        (await ana.Command("schedule Maria jan 1 6pm")).Expect("Scheduled: Maria, Fri 1 Jan 2027, 18:00");
        (await ana.Command("status")).Expect("Fri 1 Jan 2027, 18:00: Maria");
        (await ana.Command("schedule Maria dec 30 6pm")).Expect("from Fri 1 Jan 2027, 18:00 to Wed 30 Dec, 18:00");
    }

    [Fact]
    public async Task The_digest_time_says_its_zone_next_to_the_schedule_that_says_its_own()
    {
        var ana = _bot.Organizer("Ana");

        (await ana.Command("digest time monday 09:00 Europe/Berlin"))
            .Expect("due Mondays at 09:00 (Europe/Berlin); next on Mon 30 Nov, 09:00 (Europe/Berlin), 03:00 your time (America/New_York).");
        (await ana.Command("digest channel #organizing"))
            .Expect("First one: Mon 30 Nov, 09:00 (Europe/Berlin), 03:00 your time (America/New_York).");
        (await ana.Command("digest time tuesday 10:00 America/New_York"))
            .Expect("due Tuesdays at 10:00 (America/New_York); next on Tue 1 Dec, 10:00 (America/New_York).")
            .ExpectNot("your time");
    }

    [Theory]
    [InlineData("friday 5pm", "due Fridays at 17:00")]
    [InlineData("fri at 5", "due Fridays at 17:00")]
    [InlineData("monday 9am Europe/Berlin", "due Mondays at 09:00 (Europe/Berlin)")]
    [InlineData("tuesday half past six", "due Tuesdays at 18:30")]
    [InlineData("thursday 9.30am", "due Thursdays at 09:30")]
    public async Task The_digest_time_reads_times_as_schedule_does(string typed, string said)
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command($"digest time {typed}")).Expect(said);
    }

    [Theory]
    [InlineData("tomorrow 5pm")]       // not a weekday: a weekly time needs one
    [InlineData("friday")]
    [InlineData("friday 5pm Mars/Base")]
    [InlineData("5pm")]
    public async Task The_digest_time_refuses_what_is_not_a_weekday_and_a_time(string typed)
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command($"digest time {typed}")).ExpectNot("now due");
    }
}
