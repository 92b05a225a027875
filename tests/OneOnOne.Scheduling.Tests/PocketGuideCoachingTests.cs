using static OneOnOne.Scheduling.Tests.Dispatching;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// The pocket guide teaches the method where it is read, just before the 1:1 (METHOD.md §4, §9): what a 1:1 is not,
/// the moves around the ask, what this kind of 1:1 is for, how the referrer can help, and the organizer's own lessons.
/// </summary>
public sealed class PocketGuideCoachingTests : DispatchingBotTests
{
    [Fact]
    public async Task Says_what_a_one_on_one_is_not_and_the_moves_around_the_ask()
    {
        var guide = await GuideFor("list add Maria Lopez", "schedule Maria tomorrow 5pm");

        Assert.Contains("Not a survey, chit-chat, a debate, a sales pitch or an interview", guide);
        Assert.Contains("curious, non-judgmental and courageous", guide);
        Assert.Contains("easy facts", guide);
        Assert.Contains("common ground", guide);
        Assert.Contains("what the campaign is doing and why", guide);
        Assert.Contains("fits what you learned", guide);
        Assert.Contains("thank them and say when you'll follow up", guide);
        Assert.EndsWith("More on the method: `guide`", guide.Split("\nReminder #")[0]);
    }

    [Fact]
    public async Task An_escalation_guide_reads_as_one_and_points_to_the_role()
    {
        var guide = await GuideFor("list add Maria Lopez", "plan Maria escalation", "cancel", "schedule Maria tomorrow 5pm");

        Assert.Contains("An escalation 1:1", guide);
        Assert.DoesNotContain("A escalation", guide);
        Assert.Contains("the role you have in mind", guide);
        Assert.DoesNotContain("save the big ask", guide);
    }

    [Fact]
    public async Task A_maintenance_guide_checks_in_and_looks_for_a_next_step()
    {
        var guide = await GuideFor("list add Maria Lopez", "plan Maria maintenance", "cancel", "schedule Maria tomorrow 5pm");

        Assert.Contains("A maintenance 1:1", guide);
        Assert.Contains("a small next step", guide);
        Assert.DoesNotContain("save the big ask", guide);
    }

    [Fact]
    public async Task A_referred_persons_guide_suggests_asking_the_referrer_to_introduce_you()
    {
        var guide = await GuideFor("list add Maria Lopez referred by Sam Reyes", "schedule Maria tomorrow 5pm");

        Assert.Contains("Referred by Sam Reyes: ask them to introduce you, or name them when you open.", guide);
    }

    [Fact]
    public async Task Someone_nobody_referred_gets_no_referrer_line()
    {
        var guide = await GuideFor("list add Maria Lopez", "schedule Maria tomorrow 5pm");

        Assert.DoesNotContain("introduce you", guide);
    }

    [Fact]
    public async Task Another_organizers_referral_stays_theirs()
    {
        var ben = Bot.Organizer("Ben");
        await ben.Command("list add Maria Lopez referred by Sam Reyes");

        var guide = await GuideFor("list add Maria Lopez", "schedule Maria tomorrow 5pm");

        Assert.DoesNotContain("Sam Reyes", guide);
        Assert.DoesNotContain("Referred by", guide);
    }

    [Fact]
    public async Task The_next_guide_recalls_the_leads_you_did_not_follow_up()
    {
        var ana = Bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("met Maria");
        foreach (var outcomeQuestion in new[] { "their answer", "the next conversation", "their level" })
        {
            await ana.Send("skip");
        }

        var answers = new[]
        {
            "skip", "keeping her kids in their school", "skip", "skip", "skip", "skip", "skip", "talk less about myself", "her work at the clinic", "skip",
        };
        foreach (var answer in answers)
        {
            await ana.Send(answer);
        }

        ana.Expect("Reflection saved");

        var guide = await GuideFor("schedule Maria tomorrow 5pm");

        Assert.Contains("Last time you noted\nCares about: keeping her kids in their school\nYou'd do differently: talk less about myself\nLeads not followed: her work at the clinic", guide);
    }

    /// <summary>Runs Ana's commands, then moves the clock until the pocket guide is sent, and returns its text.</summary>
    private async Task<string> GuideFor(params string[] commands)
    {
        var ana = Bot.Organizer("Ana");
        foreach (var command in commands)
        {
            await ana.Command(command);
        }

        Bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(6)); // Friday 16:00: the guide for 17:00 is due.
        await Bot.DispatchAsync();
        var guide = Platform.Sent.Select(Text).Where(t => t.Contains("is coming up", StringComparison.Ordinal)).ToList();
        return Assert.Single(guide);
    }
}
