using System.Text.Json.Nodes;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Discord.Tests.Interactions;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary><c>help</c> is one message, so it is the first response itself: no "thinking…", no edit, over the Gateway and HTTP alike.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData(FakeDiscord.GuildId)]
    [InlineData(null)]
    public async Task Help_over_the_Gateway_is_answered_in_the_first_response(string? guild)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia", guild);

        await olivia.Command("help");

        Assert.Equal(4, olivia.LastResponse!["type"]!.GetValue<int>());
        var help = Assert.Single(olivia.Last);
        Assert.Equal("callback", help.Via);
        AssertComplete(help.Text);
        Assert.Empty(fake.CallsTo("PATCH webhooks"));
        Assert.Empty(fake.CallsTo("POST webhooks"));
    }

    [Fact]
    public async Task Help_over_HTTP_is_the_response_itself()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Signer.PublicKey,
            ["Discord:UseGateway"] = "false",
        });
        using var http = new HttpClient();
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
        var interaction = olivia.NewInteraction(2, new JsonObject
        {
            ["id"] = "700000000000000001",
            ["name"] = "one-on-one",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "help", ["type"] = 1, ["options"] = new JsonArray() }),
        }, FakeDiscord.GuildId);

        var (help, text) = await DocumentedPayloadTests.AnswerAsync(http, fake, bot, interaction);

        Assert.Equal("callback", help.Via);
        Assert.Equal(64, help.Flags);
        AssertComplete(text);
        Assert.Empty(fake.CallsTo("PATCH webhooks"));
    }

    /// <summary>Every command's line is there, and the way on to the guide.</summary>
    private static void AssertComplete(string help)
    {
        foreach (var fragment in new[] { "What I can do", "`guide", "`plan", "`schedule", "`digest", "`pause", "`nudges", "`cancel` stops" })
        {
            Assert.Contains(fragment, help, StringComparison.Ordinal);
        }
    }
}
