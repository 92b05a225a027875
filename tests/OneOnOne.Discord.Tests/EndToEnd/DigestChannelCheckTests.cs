using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Storage;
using OneOnOne.Discord.Tests.Fakes;
using static OneOnOne.Discord.Tests.Fakes.DiscordPerson;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary>
/// The digest channel is checked when it is chosen: the bot's permissions there, from the channel's overwrites,
/// the server's roles and the bot's roles, with the fix told to the organizer at once.
/// </summary>
public sealed class DigestChannelCheckTests : IAsyncLifetime
{
    private FakeDiscord _fake = null!;
    private DiscordBot _bot = null!;
    private DiscordPerson _olivia = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _bot = await DiscordBot.StartAsync(_fake);
        _olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_channel_the_bot_can_post_in_is_confirmed_after_reading_its_permissions()
    {
        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        _olivia.Expect("The weekly digest will go to #team,");
        Assert.DoesNotContain("can't", _olivia.LastText, StringComparison.Ordinal);
        Assert.Single(_fake.CallsTo("GET channels/{id}"));
        Assert.Single(_fake.CallsTo("GET guilds/{id}/roles"));
        Assert.All(_fake.CallsTo("GET guilds/{id}/members/{id}"), c => Assert.EndsWith("/" + FakeDiscord.BotUserId, c.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_Send_Messages_for_everyone_the_organizer_is_told_to_give_it_to_the_bots_role()
    {
        _fake.Overwrite(FakeDiscord.TeamChannelId, FakeDiscord.GuildId, allow: 0, deny: FakeDiscord.SendMessages);

        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        _olivia.Expect("I can't post there yet", "I don't have Send Messages in #team.",
            "In #team's settings, under Permissions, give my role (oneonone) Send Messages.",
            "run `digest channel #team` again");
        Assert.Equal(FakeDiscord.TeamChannelId, await DigestChannelAsync());
    }

    [Fact]
    public async Task Without_Attach_Files_for_the_bots_role_the_chart_is_why()
    {
        _fake.Overwrite(FakeDiscord.TeamChannelId, FakeDiscord.BotRoleId, allow: 0, deny: FakeDiscord.AttachFiles | FakeDiscord.EmbedLinks);

        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        _olivia.Expect("I don't have Embed Links or Attach Files in #team.", "give my role (oneonone) Embed Links and Attach Files.");
    }

    [Fact]
    public async Task A_member_overwrite_for_the_bot_wins_over_its_roles_deny()
    {
        _fake.Overwrite(FakeDiscord.TeamChannelId, FakeDiscord.BotRoleId, allow: 0, deny: FakeDiscord.SendMessages);
        _fake.Overwrite(FakeDiscord.TeamChannelId, FakeDiscord.BotUserId, allow: FakeDiscord.SendMessages, deny: 0, member: true);

        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        _olivia.Expect("The weekly digest will go to #team,");
    }

    [Fact]
    public async Task An_administrator_bot_can_post_whatever_the_overwrites_say()
    {
        _fake.BotRolePermissions = FakeDiscord.Administrator;
        _fake.Overwrite(FakeDiscord.TeamChannelId, FakeDiscord.GuildId, allow: 0, deny: FakeDiscord.SendMessages | FakeDiscord.AttachFiles);

        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        _olivia.Expect("The weekly digest will go to #team,");
    }

    [Fact]
    public async Task A_channel_hidden_from_the_bot_asks_for_View_Channel()
    {
        _fake.HideFromBot(FakeDiscord.TeamChannelId);

        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        _olivia.Expect("I can't see that channel", "View Channel, Send Messages, Embed Links and Attach Files");
    }

    [Fact]
    public async Task A_channel_that_no_longer_exists_is_named_as_gone()
    {
        await _olivia.Command("digest", Channel("800000000000000099"));

        _olivia.Expect("doesn't exist any more");
    }

    [Fact]
    public async Task A_voice_channel_is_not_taken_for_a_text_channel()
    {
        _fake.AddGuildChannel("800000000000000020", "lounge", type: 2);

        await _olivia.Command("digest", Channel("800000000000000020"));

        _olivia.Expect("#lounge isn't a text channel");
    }

    [Fact]
    public async Task A_Discord_outage_keeps_the_channel_and_says_it_will_be_checked_when_the_digest_is_posted()
    {
        _fake.Fail("GET channels/{id}", times: 4, status: 500); // the first try and Discord:MaxRetries (3) more

        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        _olivia.Expect("The weekly digest will go to #team,", "couldn't check just now");
        Assert.Equal(FakeDiscord.TeamChannelId, await DigestChannelAsync());
    }

    private async Task<string?> DigestChannelAsync()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOneOnOneStore>().Teams.Select(t => t.DigestChannel).SingleAsync();
    }
}
