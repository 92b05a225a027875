using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

public sealed class HomeTests
{
    [Fact]
    public async Task Opening_the_Home_tab_publishes_status_and_people_and_its_buttons_answer_in_the_DM()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Garcia");
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var ana = bot.Person("UANA");
        await ana.Command("list add Maria Lopez", "Added Maria Lopez");
        await ana.Command("level Maria core", "core leader");

        await ana.SendEventAsync(SlackPayloads.AppHomeOpened("UANA"));
        var publish = await slack.WaitForCallAsync("views.publish");
        var body = publish.Json!.Value;
        Assert.Equal("UANA", body.GetProperty("user_id").GetString());
        Assert.Equal("home", body.GetProperty("view").GetProperty("type").GetString());
        var home = body.GetProperty("view").GetRawText();
        Assert.Contains("Where you are", home);
        Assert.Contains("Core leaders (1): Maria Lopez", home);
        Assert.Contains("My list", home);
        Assert.True(body.GetProperty("view").GetProperty("blocks").GetArrayLength() <= 100);

        ana.Mark();
        await ana.SendInteractionAsync(SlackPayloads.HomeButton("UANA", "btn:0", "c:list"));
        var list = await ana.Expect("Your list (1)");
        Assert.Equal(ana.DirectMessage, list.Channel);
    }
}
