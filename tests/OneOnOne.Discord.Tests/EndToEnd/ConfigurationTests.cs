using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OneOnOne.Bot;
using OneOnOne.Discord.Tests.Fakes;

namespace OneOnOne.Discord.Tests.EndToEnd;

public sealed class ConfigurationTests
{
    [Fact]
    public void A_bot_token_chooses_Discord_unless_the_console_is_asked_for()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:BotToken"] = FakeDiscord.Token })
            .Build();

        Assert.Equal(BotMode.Discord, BotModes.Choose(settings, forceConsole: false));
        Assert.Equal(BotMode.Console, BotModes.Choose(settings, forceConsole: true));
    }

    [Fact]
    public async Task Settings_that_cannot_work_stop_start_up_naming_each_setting()
    {
        await using var fake = await FakeDiscord.StartAsync();

        var failure = await DiscordBot.FailToStartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "not a token",
            ["Discord:ApplicationId"] = "my-app",
            ["Discord:PublicKey"] = "xyz",
            ["Discord:GuildId"] = "server",
        });

        var problems = Assert.IsType<OptionsValidationException>(failure).Failures.ToList();
        Assert.Contains(problems, p => p.StartsWith("Discord:BotToken", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Discord:ApplicationId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Discord:PublicKey", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Discord:GuildId", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("not a token", StringComparison.Ordinal));
        Assert.Empty(fake.Calls);
    }

    [Theory]
    [InlineData("Discord:RetryBaseDelay", "00:00:00")]
    [InlineData("Discord:InlineAnswerWindow", "00:00:03")]
    [InlineData("Discord:ReconnectDelay", "00:00:00")]
    [InlineData("Discord:ReconnectDelay", "-00:00:01")]
    public async Task Timings_that_cannot_work_stop_start_up(string setting, string value)
    {
        await using var fake = await FakeDiscord.StartAsync();

        var failure = await DiscordBot.FailToStartAsync(fake, new Dictionary<string, string?> { [setting] = value });

        var problem = Assert.Single(Assert.IsType<OptionsValidationException>(failure).Failures);
        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task A_token_Discord_refuses_stops_start_up_with_a_clear_message()
    {
        await using var fake = await FakeDiscord.StartAsync();

        var failure = await DiscordBot.FailToStartAsync(fake, new Dictionary<string, string?> { ["Discord:BotToken"] = "AAAA.BBBB.CCCC" });

        Assert.Contains("Discord:BotToken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Identifies);
    }

    [Fact]
    public async Task Commands_go_to_one_server_when_a_guild_is_set()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:GuildId"] = FakeDiscord.GuildId });

        Assert.Single(fake.GuildCommands);
        Assert.Empty(fake.GlobalCommands);
        Assert.Single(fake.CallsTo("PUT applications/{app}/guilds/{guild}/commands"));
    }
}
