using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Testing;

namespace OneOnOne.Discord.Tests.EndToEnd;

public sealed class StartupTests
{
    [Fact]
    public async Task The_bot_identifies_with_direct_messages_only_and_registers_the_command_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using (var bot = await DiscordBot.StartAsync(fake))
        {
            var identify = Assert.Single(fake.Identifies);
            Assert.Equal(FakeDiscord.Token, identify["token"]!.GetValue<string>());
            Assert.Equal(1 << 12, identify["intents"]!.GetValue<int>());
            var command = Assert.Single(fake.GlobalCommands);
            Assert.Equal("one-on-one", command["name"]!.GetValue<string>());
            Assert.Single(fake.CallsTo("PUT applications/{app}/commands"));
            Assert.All(fake.Calls.Where(c => !c.Route.Contains("webhooks", StringComparison.Ordinal)),
                call => Assert.StartsWith("DiscordBot (", call.UserAgent, StringComparison.Ordinal));

            var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
            await olivia.Command("help");
            Assert.Equal(4, olivia.LastResponse!["type"]!.GetValue<int>());
            Assert.Equal(64, olivia.LastResponse!["data"]!["flags"]!.GetValue<int>());
            olivia.Expect("What I can do");
        }

        // A restart with the same definition reads the commands and leaves them alone.
        await using (await DiscordBot.StartAsync(fake))
        {
            Assert.Single(fake.CallsTo("PUT applications/{app}/commands"));
            Assert.Equal(2, fake.CallsTo("GET applications/{app}/commands").Count);
        }
    }

    [Fact]
    public async Task A_start_says_at_Information_level_that_the_command_is_registered_and_the_Gateway_connected_without_the_token()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake);

        await Wait.UntilAsync(() => bot.Logs.Lines.Any(l => l.Category == "OneOnOne.Ready"), "the ready line");
        var ready = Assert.Single(bot.Logs.Lines, l => l.Category == "OneOnOne.Ready");
        Assert.Equal(LogLevel.Information, ready.Level);
        Assert.Equal("Discord: registered /one-on-one (global); Gateway connected as oneonone#1234", ready.Message);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Message.Contains(FakeDiscord.Token, StringComparison.Ordinal));

        // The shipped settings show that line and hide the rest of the Information chatter.
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level == LogLevel.Information && l.Category != "OneOnOne.Ready");
    }

    [Fact]
    public async Task The_Gateway_alone_opens_no_HTTP_port_unless_a_listen_address_is_set()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["urls"] = null });

        Assert.Null(bot.Services.GetService<IServer>());
        Assert.Equal(string.Empty, bot.HttpBaseUrl);
        var olivia = new DiscordPerson(fake, bot, "100000000000000001", "Olivia");
        await olivia.Command("help");
        olivia.Expect("What I can do");
    }

    [Fact]
    public async Task Moving_from_a_server_command_to_the_global_one_removes_the_server_copy()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using (await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:GuildId"] = FakeDiscord.GuildId }))
        {
            Assert.Single(fake.GuildCommands);
            Assert.Empty(fake.GlobalCommands);
        }

        await using (await DiscordBot.StartAsync(fake))
        {
            Assert.Single(fake.GlobalCommands);
            Assert.Empty(fake.GuildCommands);
        }

        // Nothing left to remove: a later start only looks.
        await using (await DiscordBot.StartAsync(fake))
        {
            Assert.Equal(2, fake.CallsTo("PUT applications/{app}/guilds/{guild}/commands").Count);
            Assert.Single(fake.CallsTo("PUT applications/{app}/commands"));
        }
    }

    [Fact]
    public async Task A_guild_registration_says_which_server()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:GuildId"] = FakeDiscord.GuildId });

        await Wait.UntilAsync(() => bot.Logs.Lines.Any(l => l.Category == "OneOnOne.Ready"), "the ready line");
        Assert.Contains(bot.Logs.Lines, l => l.Message == $"Discord: registered /one-on-one in server {FakeDiscord.GuildId}; Gateway connected as oneonone#1234");
    }
}
