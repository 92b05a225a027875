using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Time;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Issue 12, "leave with the next step booked" (METHOD.md §4 Commitment, §9): the outcome asks whether a next
/// conversation was agreed; a date books it, "not yet" plans a nudge to book it, and a 1:1 that ended with no
/// ask and no next step is followed up within two weeks rather than at the level's maintenance pace.
/// </summary>
public sealed class NextStepTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private readonly Conversation _ana;

    public NextStepTests() => _ana = _bot.Organizer("Ana");

    public async Task InitializeAsync()
    {
        await _ana.Command("list add Maria Lopez");
        await _ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(9));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_date_books_the_next_1_1_with_its_own_reminders()
    {
        await _ana.Command("met Maria");
        await _ana.Press("Yes");
        await _ana.Send("join the housing committee");
        (await _ana.Send("next friday")).Expect("Did you and Maria Lopez agree on your next conversation?");
        Assert.Contains(_ana.Buttons, b => b.Label == "Yes, on a date");
        Assert.Contains(_ana.Buttons, b => b.Label == "Not yet");

        (await _ana.Press("Yes, on a date")).Expect("When is your next conversation with Maria Lopez?");
        (await _ana.Send("thu dec 10 6pm")).Expect("engagement pyramid");
        (await _ana.Press("Contributor"))
            .Expect("Maria Lopez said yes", "Scheduled: Maria Lopez, Thu 10 Dec, 18:00", "Reflecting on your 1:1 with Maria Lopez")
            .ExpectNot("remind you to book");

        var meetings = await _bot.QueryAsync(s => s.Meetings.OrderBy(m => m.Id).Select(m => new { m.Id, m.Status, m.StartsAt }).ToListAsync());
        Assert.Equal([MeetingStatus.Held, MeetingStatus.Scheduled], meetings.Select(m => m.Status));
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 23, 0, 0, TimeSpan.Zero), meetings[1].StartsAt);

        var next = meetings[1].Id;
        var nextKinds = await PendingKinds(f => f.MeetingId == next);
        Assert.Contains(FollowUpKind.PocketGuide, nextKinds);
        Assert.Contains(FollowUpKind.DidYouMeet, nextKinds);
        Assert.DoesNotContain(FollowUpKind.MaintenanceCheckIn, await PendingKinds(f => f.MeetingId == meetings[0].Id));
    }

    [Fact]
    public async Task The_next_date_stays_booked_after_the_reflection_and_the_held_1_1_plans_no_check_in()
    {
        await _ana.Command("met Maria");
        await _ana.Send("skip");
        await _ana.Press("Yes, on a date");
        await _ana.Send("dec 10 6pm");
        await _ana.Press("Contributor");
        await _ana.Command("cancel");

        var held = await _bot.QueryAsync(s => s.Meetings.Where(m => m.Status == MeetingStatus.Held).Select(m => m.Id).SingleAsync());
        (await _ana.Command("reflect Maria")).Expect("Reflecting");
        for (var i = 0; i < 10 && !_ana.LastText.Contains("Reflection saved", StringComparison.Ordinal); i++)
        {
            await _ana.Send("skip");
        }

        Assert.DoesNotContain(FollowUpKind.MaintenanceCheckIn, await PendingKinds(f => f.MeetingId == held));
    }

    [Fact]
    public async Task A_day_without_a_time_asks_what_time_as_everywhere_else()
    {
        await _ana.Command("met Maria");
        await _ana.Send("skip");
        await _ana.Press("Yes, on a date");
        (await _ana.Send("thursday")).Expect("What time on Thu 3 Dec?").ExpectNot("engagement pyramid");
        (await _ana.Send("6pm")).Expect("engagement pyramid");
        (await _ana.Press("Follower")).Expect("Scheduled: Maria Lopez, Thu 3 Dec, 18:00");
    }

    [Fact]
    public async Task Not_yet_plans_a_nudge_within_a_week_to_book_the_next_conversation()
    {
        await _ana.Command("met Maria");
        await _ana.Press("Yes");
        await _ana.Send("join the housing committee");
        await _ana.Send("next friday");
        (await _ana.Press("Not yet")).Expect("engagement pyramid");
        (await _ana.Press("Contributor")).Expect("Maria Lopez said yes", "remind you on Mon 30 Nov to book your next conversation with Maria Lopez");

        var nudge = await _bot.QueryAsync(s => s.FollowUps.Include(f => f.Person).Include(f => f.Meeting)
            .SingleAsync(f => f.Kind == FollowUpKind.BookNextMeeting && f.Status == FollowUpStatus.Pending));
        Assert.InRange(nudge.DueAt - _bot.Time.GetUtcNow(), TimeSpan.FromDays(1), TimeSpan.FromDays(7));

        Assert.True(Zones.TryFind(BotHarness.Zone, out var zone));
        var text = string.Join('\n', FollowUpMessages.Compose(new FollowUpNote(
            nudge.Id, nudge.Kind, nudge.Person?.Name, nudge.PersonId, nudge.Meeting, zone, nudge.DueAt)).Blocks
            .OfType<OneOnOne.Core.Messaging.TextBlock>().Select(t => t.Text));
        Assert.Contains("book your next conversation with Maria Lopez", text, StringComparison.Ordinal);

        (await _ana.Command("status")).Expect("book your next conversation with Maria Lopez");

        var bookIt = FollowUpMessages.Compose(new FollowUpNote(nudge.Id, nudge.Kind, nudge.Person?.Name, nudge.PersonId, nudge.Meeting, zone, nudge.DueAt))
            .Blocks.OfType<OneOnOne.Core.Messaging.ButtonsBlock>().SelectMany(b => b.Buttons).Single(b => b.Label == "Book it");
        await _ana.Command("cancel");
        (await _ana.Deliver(new OneOnOne.Core.Messaging.ButtonInput(bookIt.Payload))).Expect("When would you like to meet Maria Lopez?");
    }

    /// <summary>A maybe is revisited in three days; a second nudge to book the next talk that same day would be one too many.</summary>
    [Fact]
    public async Task A_maybe_with_no_next_date_gets_one_reminder_that_offers_to_book_the_next_talk()
    {
        await _ana.Command("met Maria");
        await _ana.Press("Maybe");
        for (var i = 0; i < 5 && !_ana.LastText.Contains("agree on your next conversation", StringComparison.Ordinal); i++)
        {
            await _ana.Send("skip");
        }

        (await _ana.Press("Not yet")).Expect("engagement pyramid");
        (await _ana.Press("Contributor"))
            .Expect("A maybe from Maria Lopez. I'll remind you on", "That reminder will also offer to book your next conversation with Maria Lopez")
            .ExpectNot("Some days have passed");

        var pending = await PendingKinds(f => true);
        Assert.Contains(FollowUpKind.RevisitMaybe, pending);
        Assert.DoesNotContain(FollowUpKind.BookNextMeeting, pending);

        var revisit = await _bot.QueryAsync(s => s.FollowUps.Include(f => f.Person).Include(f => f.Meeting)
            .SingleAsync(f => f.Kind == FollowUpKind.RevisitMaybe && f.Status == FollowUpStatus.Pending));
        Assert.True(Zones.TryFind(BotHarness.Zone, out var zone));
        _ana.Expect($"I'll remind you on {Zones.DescribeDate(revisit.DueAt, zone, _bot.Time.GetUtcNow())} to come back to it");
        var book = FollowUpMessages.Compose(new FollowUpNote(revisit.Id, revisit.Kind, revisit.Person?.Name, revisit.PersonId, revisit.Meeting, zone, revisit.DueAt))
            .Blocks.OfType<OneOnOne.Core.Messaging.ButtonsBlock>().SelectMany(b => b.Buttons).Single(b => b.Label == "Book a talk");
        await _ana.Command("cancel");
        (await _ana.Deliver(new OneOnOne.Core.Messaging.ButtonInput(book.Payload))).Expect("When would you like to meet Maria Lopez?");
    }

    /// <summary>Recorded five days late, the maybe's reminder (three days after the 1:1) would be stale: the nudge to book comes instead.</summary>
    [Fact]
    public async Task A_maybe_recorded_after_its_reminder_would_have_come_still_gets_one_nudge_and_the_reply_names_its_date()
    {
        _bot.Time.Advance(TimeSpan.FromDays(5));
        await _ana.Command("met Maria");
        await _ana.Press("Maybe");
        for (var i = 0; i < 5 && !_ana.LastText.Contains("agree on your next conversation", StringComparison.Ordinal); i++)
        {
            await _ana.Send("skip");
        }

        await _ana.Press("Not yet");
        (await _ana.Press("Contributor"))
            .Expect("A maybe from Maria Lopez. Some days have passed already, so come back to it soon",
                "I'll remind you on Sat 5 Dec to book your next conversation with Maria Lopez")
            .ExpectNot("That reminder will also offer", "to come back to it");

        var pending = await PendingKinds(_ => true);
        Assert.DoesNotContain(FollowUpKind.RevisitMaybe, pending);
        Assert.Single(pending, kind => kind == FollowUpKind.BookNextMeeting);
    }

    [Fact]
    public async Task Booking_the_next_1_1_later_withdraws_the_nudge_to_book_it()
    {
        await _ana.Command("met Maria");
        await _ana.Send("skip");
        await _ana.Press("Not yet");
        await _ana.Press("Contributor");
        await _ana.Command("cancel");

        await _ana.Command("schedule Maria dec 8 6pm");

        Assert.DoesNotContain(FollowUpKind.BookNextMeeting, await PendingKinds(_ => true));
    }

    [Fact]
    public async Task No_ask_and_no_next_step_is_followed_up_within_two_weeks_not_at_the_follower_pace()
    {
        await _ana.Command("met Maria");
        await _ana.Send("skip");
        (await _ana.Send("skip")).Expect("engagement pyramid");
        (await _ana.Press("Follower")).Expect("remind you to check in with Maria Lopez").ExpectNot("to book your next conversation");

        var checkIn = await _bot.QueryAsync(s => s.FollowUps
            .SingleAsync(f => f.Kind == FollowUpKind.MaintenanceCheckIn && f.Status == FollowUpStatus.Pending));
        Assert.InRange(checkIn.DueAt - _bot.Time.GetUtcNow(), TimeSpan.FromDays(7), TimeSpan.FromDays(14));
        Assert.DoesNotContain(FollowUpKind.BookNextMeeting, await PendingKinds(_ => true));
    }

    [Fact]
    public async Task Not_yet_after_no_ask_gives_one_nudge_to_book_and_a_check_in_only_later_at_the_level_pace()
    {
        await _ana.Command("met Maria");
        await _ana.Send("skip");
        await _ana.Press("Not yet");
        (await _ana.Press("Follower"))
            .Expect("remind you on Mon 30 Nov to book your next conversation with Maria Lopez")
            .ExpectNot("remind you to check in", "No ask and no next date");

        // The reflection re-plans the meeting's follow-ups; the check-in stays behind the nudge.
        for (var i = 0; i < 12 && !_ana.LastText.Contains("Reflection saved", StringComparison.Ordinal); i++)
        {
            await _ana.Send("skip");
        }

        var now = _bot.Time.GetUtcNow();
        var pending = await _bot.QueryAsync(s => s.FollowUps.Where(f => f.Status == FollowUpStatus.Pending)
            .Where(f => f.Kind == FollowUpKind.BookNextMeeting || f.Kind == FollowUpKind.MaintenanceCheckIn)
            .Select(f => new { f.Kind, f.DueAt }).ToListAsync());
        var nudge = Assert.Single(pending, p => p.Kind == FollowUpKind.BookNextMeeting);
        var checkIn = Assert.Single(pending, p => p.Kind == FollowUpKind.MaintenanceCheckIn);
        Assert.InRange(nudge.DueAt - now, TimeSpan.FromDays(1), TimeSpan.FromDays(7));
        var heldAt = await _bot.QueryAsync(s => s.Meetings.Where(m => m.Status == MeetingStatus.Held).Select(m => m.HeldAt).SingleAsync());
        Assert.Equal(TimeSpan.FromDays(21), checkIn.DueAt - heldAt);

        // Booked after the nudge: neither is left.
        await _ana.Command("schedule Maria dec 8 6pm");
        Assert.Empty(await PendingKinds(f => f.Kind == FollowUpKind.BookNextMeeting || f.Kind == FollowUpKind.MaintenanceCheckIn));
    }

    [Fact]
    public async Task An_answered_ask_without_a_next_step_keeps_the_level_pace_and_plans_nothing_more()
    {
        await _ana.Command("met Maria");
        await _ana.Press("Maybe");
        await _ana.Send("skip");
        await _ana.Send("skip");
        (await _ana.Press("Follower")).ExpectNot("to book your next conversation", "remind you to check in");

        var checkIn = await _bot.QueryAsync(s => s.FollowUps
            .SingleAsync(f => f.Kind == FollowUpKind.MaintenanceCheckIn && f.Status == FollowUpStatus.Pending));
        Assert.True(checkIn.DueAt - _bot.Time.GetUtcNow() > TimeSpan.FromDays(14));
        Assert.DoesNotContain(FollowUpKind.BookNextMeeting, await PendingKinds(_ => true));
    }

    private Task<List<FollowUpKind>> PendingKinds(System.Linq.Expressions.Expression<Func<FollowUp, bool>> where) =>
        _bot.QueryAsync(s => s.FollowUps.Where(f => f.Status == FollowUpStatus.Pending).Where(where).Select(f => f.Kind).ToListAsync());
}
