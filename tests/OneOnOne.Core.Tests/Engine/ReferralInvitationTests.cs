using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// The guides' name-drop: an invitation to someone who was referred says who suggested the meeting. The referral
/// is the organizer's own record, so only theirs is ever named.
/// </summary>
public sealed class ReferralInvitationTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_invitation_to_someone_referred_names_the_referrer()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        (await ana.Command("list add Sam Ortiz referred by Maria Lopez")).Expect("Sam Ortiz");

        (await ana.Command("schedule Sam tomorrow 6pm at Cafe Luna"))
            .Expect("Hi Sam", "Maria Lopez suggested I talk with you.");
    }

    [Fact]
    public async Task The_referral_joins_where_they_met()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Sam Ortiz met at the kickoff");
        await ana.Command("list add Sam Ortiz referred by Maria Lopez");

        (await ana.Command("schedule Sam tomorrow 6pm at Cafe Luna"))
            .Expect("We met at the kickoff.", "Maria Lopez suggested I talk with you.");
    }

    [Fact]
    public async Task Another_organizers_referral_is_never_named()
    {
        var ben = _bot.Organizer("Ben");
        await ben.Command("list add Dee Park");
        await ben.Command("list add Sam Ortiz referred by Dee Park");
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Sam Ortiz");

        (await ana.Command("schedule Sam tomorrow 6pm at Cafe Luna"))
            .Expect("Hi Sam")
            .ExpectNot("Dee", "suggested");
    }

    [Fact]
    public async Task A_connection_that_already_names_the_referrer_is_not_doubled()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Sam Ortiz referred by Maria Lopez");
        await ana.Command("plan Sam");
        await ana.Send("come to the housing meeting");
        await ana.Send("skip");
        await ana.Send("skip");
        await ana.Send("skip");
        (await ana.Send("skip")).Expect("How do you know Sam Ortiz?");
        await ana.Send("Maria suggested I get in touch");
        await ana.Send("skip");
        await ana.Send("join the housing committee");
        (await ana.Send("skip")).Expect("prep for Sam Ortiz is saved");

        (await ana.Command("schedule Sam tomorrow 6pm at Cafe Luna"))
            .Expect("Maria suggested I get in touch.")
            .ExpectNot("Maria Lopez suggested I talk with you");
    }

    [Fact]
    public async Task A_follow_up_invitation_doesnt_introduce_them_again()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("list add Sam Ortiz referred by Maria Lopez");
        await ana.Command("schedule Sam tomorrow 6pm at Cafe Luna");
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(9));
        (await ana.Command("met Sam")).Expect("How did Sam Ortiz answer your ask?");
        await ana.Send("cancel");

        (await ana.Command("schedule Sam tue 18:30 at Cafe Luna"))
            .Expect("good to talk last time")
            .ExpectNot("suggested I talk with you");
    }
}
