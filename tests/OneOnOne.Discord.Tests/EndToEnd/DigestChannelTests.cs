using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Storage;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Scheduling;
using static OneOnOne.Discord.Tests.Fakes.DiscordPerson;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary>The digest channel named as a name, and a digest Discord refuses explained to whoever chose the channel.</summary>
public sealed class DigestChannelTests : IAsyncLifetime
{
    private FakeDiscord _fake = null!;
    private DiscordBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _bot = await DiscordBot.StartAsync(_fake);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task The_chosen_channel_is_confirmed_by_its_name()
    {
        var olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");

        await olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));

        olivia.Expect("The weekly digest will go to #team,");
        Assert.DoesNotContain(FakeDiscord.TeamChannelId, olivia.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50001, "can't see that channel", "View Channel")]
    [InlineData(50013, "isn't allowed to post in that channel", "Send Messages")]
    public async Task A_digest_Discord_refuses_is_explained_by_DM_to_the_organizer_who_chose_the_channel(int code, string why, string fix)
    {
        var olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
        var maria = new DiscordPerson(_fake, _bot, "100000000000000002", "Maria");
        await maria.Command("help");
        await olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));
        var before = _fake.MessagesSnapshot().Count;

        _fake.Refuse("POST channels/{channel}/messages", code);
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOneOnOneStore>().Teams
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDigestAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        await Wait.UntilAsync(() => _fake.MessagesSnapshot().Skip(before).Any(m => m.ChannelId == olivia.DirectMessageChannel), "the DM about the digest");
        var told = _fake.MessagesSnapshot().Skip(before).Single(m => m.ChannelId == olivia.DirectMessageChannel);
        Assert.Contains("couldn't be posted to #team", told.Text, StringComparison.Ordinal);
        Assert.Contains(why, told.Text, StringComparison.Ordinal);
        Assert.Contains(fix, told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.MessagesSnapshot().Skip(before), m => m.ChannelId == FakeDiscord.TeamChannelId || m.ChannelId == maria.DirectMessageChannel);
    }
}
