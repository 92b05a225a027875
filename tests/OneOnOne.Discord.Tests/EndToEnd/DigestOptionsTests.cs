using OneOnOne.Discord.Tests.Fakes;
using static OneOnOne.Discord.Tests.Fakes.DiscordPerson;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary><c>/one-on-one digest</c> with a channel, a day and a time: all three are kept, on the real host.</summary>
public sealed class DigestOptionsTests : IAsyncLifetime
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
    public async Task A_channel_day_and_time_picked_together_are_all_kept()
    {
        var olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");

        await olivia.Command("digest", Channel(FakeDiscord.TeamChannelId), Option("day", "thursday"), Option("time", "07:00"), Option("zone", "Europe/Berlin"));

        olivia.Expect("#team", "Thursdays at 07:00 (Europe/Berlin)");
    }
}
