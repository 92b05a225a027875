using System.Text;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>The whole method, plan → schedule → met → reflect, through the real host and the fake Slack, over both transports.</summary>
public sealed class WalkthroughTests
{
    [Theory]
    [InlineData(SlackTransport.SocketMode)]
    [InlineData(SlackTransport.Http)]
    public async Task A_slash_command_takes_an_organizer_through_the_method_in_the_DM(SlackTransport transport)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Garcia", "Europe/Madrid");
        await using var bot = await SlackBot.StartAsync(slack, transport);
        var ana = bot.Person("UANA");

        // Answered in place, only for Ana.
        var added = await ana.Command("list add Maria Lopez met at the kickoff", "Added Maria Lopez to your list");
        Assert.Equal(FakeSlack.InPlaceAnswerKind, added.Kind);
        Assert.Equal("ephemeral", added.Body.GetProperty("response_type").GetString());

        // A flow moves to the DM, with a pointer where the command was typed.
        var first = await ana.Command("plan Maria", "(1 of up to 9) What do you hope Maria Lopez will commit to");
        Assert.Equal(ana.DirectMessage, first.Channel);
        Assert.Contains(first.Buttons, b => b.ActionId == SlackMessageRenderer.FormActionId);
        await ana.Expect("I've asked you in our direct messages");

        await ana.Type("come to the housing meeting on the 12th", "(2 of up to 9)");
        for (var question = 3; question <= 8; question++)
        {
            await ana.Type("skip", $"({question} of up to 9)");
        }

        await ana.Type("join the housing committee", "(9/9)");
        await ana.Type("help with flyers", "Your prep for Maria Lopez is saved");

        var scheduled = await ana.Command("schedule Maria tomorrow 6pm at Cafe Luna for 40", "40 minutes at Cafe Luna");
        Assert.Equal("response_url", scheduled.Kind); // it comes with a calendar file, so not in the acknowledgement
        var invite = await slack.WaitForAsync(() => slack.Uploads.FirstOrDefault(u => u.Channel is not null), "the calendar file");
        Assert.Equal(ana.DirectMessage, invite.Channel);
        Assert.EndsWith(".ics", invite.FileName);
        Assert.Contains("BEGIN:VCALENDAR", Encoding.UTF8.GetString(invite.Bytes!));

        await ana.Command("met Maria", "How did Maria Lopez answer your ask?");
        await ana.Press("Yes", "What exactly did Maria Lopez commit to?");
        await ana.Type("join the committee", "By when?");
        await ana.Type("next friday", "agree on your next conversation");
        await ana.Press("Yes, on a date", "When is your next conversation with Maria Lopez?");
        await ana.Type("dec 10 6pm", "engagement pyramid");
        var outcome = await ana.Press("Contributor", "Maria Lopez said yes: join the committee");
        Assert.Contains("Scheduled: Maria Lopez, Thu 10 Dec, 18:00", outcome.AllText);
        Assert.Contains("Reflecting on your 1:1 with Maria Lopez", outcome.AllText);
        Assert.Contains(outcome.Buttons, b => b.ActionId == SlackMessageRenderer.FormActionId);

        await ana.Type("we grew up on the same street", "(2/10)");
        for (var question = 3; question <= 6; question++)
        {
            await ana.Type("skip", $"({question}/10)");
        }

        await ana.Type("Sam Ortiz", "(7/10)");
        await ana.Type("skip", "(8/10)");
        await ana.Type("skip", "(9/10)");
        await ana.Type("skip", "Would you talk with Maria Lopez again?");
        await ana.Press("Yes", "Reflection saved");
        await ana.Expect("New on your list, referred by Maria Lopez: Sam Ortiz");

        // Ana's Slack time zone became hers: the engine shows times in it.
        await ana.Command("status", "Where you are");

        // Every Web API call carried its token in the header, the app-level one only to open sockets.
        Assert.All(slack.Calls(), c => Assert.Equal(c.Method == "apps.connections.open" ? FakeSlack.AppToken : FakeSlack.BotToken, c.Token));
    }
}
