using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>App Home shows the person who opens it their own records only, never a teammate's.</summary>
public sealed class HomePrivacyTests
{
    [Fact]
    public async Task Bens_Home_tab_shows_nothing_Ana_recorded_about_the_person_they_share()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Garcia");
        slack.AddUser("UBEN", "Ben Okafor");
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var ana = bot.Person("UANA");
        await ana.Command("list add Maria Lopez met at the Zanzibar gala", "Added Maria Lopez");
        await ana.Command("note Maria: folds origami cranes", "Noted, privately");
        await ana.Command("list add Darnell Washington referred by Maria Lopez", "Added Darnell Washington");
        await ana.Command("level Maria core", "core leader");

        var ben = bot.Person("UBEN");
        await ben.Command("list add Maria Lopez", "Added Maria Lopez");
        await ben.SendEventAsync(SlackPayloads.AppHomeOpened("UBEN"));
        var publish = await slack.WaitForCallAsync("views.publish");

        var body = publish.Json!.Value;
        Assert.Equal("UBEN", body.GetProperty("user_id").GetString());
        var home = body.GetProperty("view").GetRawText();
        Assert.Contains("Core leaders (1): Maria Lopez", home);
        foreach (var word in new[] { "Zanzibar", "origami", "Darnell", "Referred" })
        {
            Assert.DoesNotContain(word, home, StringComparison.OrdinalIgnoreCase);
        }
    }
}
