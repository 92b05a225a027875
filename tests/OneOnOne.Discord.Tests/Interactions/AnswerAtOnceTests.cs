using OneOnOne.Discord.Tests.Fakes;

namespace OneOnOne.Discord.Tests.Interactions;

/// <summary>A command the engine answers without the database is answered in the first response, and never kept first.</summary>
public sealed class AnswerAtOnceTests
{
    [Fact]
    public async Task A_guide_topic_is_the_first_response_itself_without_passing_through_the_inbox()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");

        await olivia.Command("guide", DiscordPerson.Option("topic", "pyramid"));

        Assert.Equal(4, olivia.LastResponse!["type"]!.GetValue<int>());
        Assert.Equal(0, bot.Queue.Accepted);
    }
}
