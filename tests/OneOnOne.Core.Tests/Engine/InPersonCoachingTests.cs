using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// The guides want a 1:1 face to face and about half an hour or more (never much over an hour): the booking says so
/// kindly, once, and books it as the organizer asked anyway.
/// </summary>
public sealed class InPersonCoachingTests : IAsyncLifetime
{
    private const string InPersonNote = "in person";
    private const string ShortNote = "at least half an hour";
    private const string LongNote = "over an hour";

    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("Zoom")]
    [InlineData("the phone")]
    [InlineData("a quick call")]
    [InlineData("Teams")]
    [InlineData("https://meet.google.com/abc-defg-hij")]
    [InlineData("FaceTime")]
    [InlineData("WhatsApp")]
    [InlineData("video")]
    [InlineData("Skype")]
    public async Task A_call_or_video_gets_a_kind_note_and_is_booked_all_the_same(string place)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        (await ana.Command($"schedule Maria tomorrow 6pm at {place} for 40"))
            .Expect($"Scheduled: Maria Lopez, Fri 27 Nov, 18:00, 40 minutes at {place}", InPersonNote)
            .ExpectNot("face to face for");
    }

    [Theory]
    [InlineData("Calloway Street")]
    [InlineData("the Zoomers cafe")]
    [InlineData("Cafe Luna")]
    public async Task A_place_that_only_contains_such_a_word_gets_no_note(string place)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        (await ana.Command($"schedule Maria tomorrow 6pm at {place} for 40"))
            .Expect($"40 minutes at {place}", "meet face to face for about 40 minutes")
            .ExpectNot(InPersonNote, ShortNote, LongNote);
    }

    [Fact]
    public async Task A_short_1_1_gets_a_note_on_why_half_an_hour_matters()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        (await ana.Command("schedule Maria tomorrow 6pm at Cafe Luna for 15"))
            .Expect("15 minutes at Cafe Luna", ShortNote)
            .ExpectNot(InPersonNote);
    }

    [Fact]
    public async Task A_1_1_much_over_an_hour_gets_a_gentle_note()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        (await ana.Command("schedule Maria tomorrow 6pm at Cafe Luna for 90"))
            .Expect("90 minutes at Cafe Luna", LongNote)
            .ExpectNot(ShortNote, InPersonNote);
    }

    [Fact]
    public async Task The_note_is_said_once_per_booking_not_again_on_every_move()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        (await ana.Command("schedule Maria tomorrow 6pm at Zoom for 15")).Expect(InPersonNote, ShortNote);

        (await ana.Command("schedule Maria tue 18:30"))
            .Expect("Moved your 1:1 with Maria Lopez")
            .ExpectNot(InPersonNote, ShortNote);
    }

    [Fact]
    public async Task The_long_note_is_not_repeated_when_only_the_time_moves()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        (await ana.Command("schedule Maria tomorrow 6pm at Cafe Luna for 90")).Expect(LongNote);

        (await ana.Command("schedule Maria tue 18:30"))
            .Expect("Moved your 1:1 with Maria Lopez")
            .ExpectNot(LongNote);
    }

    [Fact]
    public async Task Moving_an_in_person_1_1_onto_a_call_gets_the_note()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        (await ana.Command("schedule Maria tomorrow 6pm at Cafe Luna")).ExpectNot(InPersonNote);

        (await ana.Command("schedule Maria tue 18:30 at the phone"))
            .Expect("Moved your 1:1 with Maria Lopez", InPersonNote);
    }

    [Fact]
    public async Task A_call_booked_after_the_what_time_question_gets_the_note_too()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        (await ana.Command("schedule Maria tomorrow at Zoom")).Expect("What time");

        (await ana.Send("6pm")).Expect("Scheduled: Maria Lopez", InPersonNote);
    }

    [Fact]
    public async Task An_it_moved_answer_keeps_the_call_without_saying_the_note_again()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        (await ana.Command("schedule Maria tomorrow 6pm at Zoom for 15")).Expect(InPersonNote, ShortNote);
        var didYouMeet = await _bot.QueryAsync(s => s.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.DidYouMeet));
        (await ana.Command($"followup {didYouMeet.Id} moved")).Expect("When is your 1:1 with Maria Lopez now?");

        (await ana.Send("tue 18:30"))
            .Expect("Moved your 1:1 with Maria Lopez", "Could we talk for about 15 minutes", "on Zoom")
            .ExpectNot(InPersonNote, ShortNote);
    }
}
