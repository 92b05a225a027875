using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;
using OneOnOne.Discord.Tests.Fakes;
using static OneOnOne.Discord.Tests.Fakes.DiscordPerson;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary>
/// An organizer's whole cycle with one person, on the real host over the fake Discord: add, plan
/// (moved to DMs, answered in a two-page modal), schedule (a calendar file), met (buttons and typed
/// answers), reflect (typed), then a follow-up DM and the weekly digest with its chart.
/// </summary>
public sealed class OrganizerJourneyTests : IAsyncLifetime
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
    public async Task An_organizer_goes_from_plan_to_reflection_and_gets_a_follow_up_and_the_digest()
    {
        var olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
        var maria = new DiscordPerson(_fake, _bot, "100000000000000002", "Maria Lopez");
        People[maria.UserId] = maria.Name;

        await olivia.Command("add", Person(maria), Option("met-at", "the kickoff"));
        olivia.Expect("Added Maria Lopez to your list");
        Assert.Equal(64, olivia.Last[0].Flags ?? 64);

        // Planning in the server: the questions move to the DM, where they can be typed.
        await olivia.Command("plan", Person(maria), Option("kind", "recruitment"));
        olivia.Expect("Preparing your 1:1 with Maria Lopez", "What do you hope Maria Lopez will commit to", "sent you the questions in our DMs");
        Assert.Contains(olivia.Last, m => m.Via == "channel" && m.Buttons.Any(b => b.Label == "Answer in a form"));

        await olivia.Press("Answer in a form");
        var page1 = olivia.OpenModal!;
        Assert.EndsWith("(1/2)", page1["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(page1["title"]!.GetValue<string>().Length <= 45);
        Assert.Equal(5, page1["components"]!.AsArray().Count);
        Assert.All(page1["components"]!.AsArray(), label => Assert.True(label!["label"]!.GetValue<string>().Length <= 45));

        await olivia.Submit(new Dictionary<string, string>
        {
            ["goal"] = "come to the tenants' meeting on the 12th",
            ["why"] = "her rent went up twice",
            ["interest"] = "her kids' school",
        });
        olivia.Expect("Saved page 1 of 2");
        await olivia.Press("Continue");
        Assert.EndsWith("(2/2)", olivia.OpenModal!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        await olivia.Submit(new Dictionary<string, string> { ["ask"] = "come on the 12th", ["alternatives"] = "read the newsletter" });
        olivia.Expect("Your prep for Maria Lopez is saved", "Your ask: come on the 12th");

        // Scheduling from the DM: the invitation comes with a calendar file.
        await olivia.CommandInDirectMessages("schedule", Option("when", "tomorrow 6pm"), Person(maria), Option("place", "Cafe Luna"));
        olivia.Expect("invitation");
        var calendar = Assert.Single(olivia.Last.SelectMany(m => m.Files));
        Assert.EndsWith(".ics", calendar.FileName, StringComparison.Ordinal);
        Assert.Equal("text/calendar", calendar.ContentType);

        // After the meeting: buttons and typed answers, then the reflection.
        await olivia.CommandInDirectMessages("met", Person(maria));
        olivia.Expect("How did Maria Lopez answer your ask?");
        await olivia.Press("Yes");
        olivia.Expect("What exactly did Maria Lopez commit to?");
        await olivia.Type("come to the housing meeting");
        olivia.Expect("By when?");
        await olivia.Type("in 3 days at noon");
        olivia.Expect("agree on your next conversation");
        await olivia.Press("Not yet");
        olivia.Expect("engagement pyramid");
        await olivia.Press("Contributor");
        olivia.Expect("Maria Lopez said yes: come to the housing meeting", "to book your next conversation with Maria Lopez",
            "Reflecting on your 1:1 with Maria Lopez");
        Assert.Contains(olivia.Last.SelectMany(m => m.Buttons), b => b.Label == "Answer in a form");

        await olivia.Type("we both grew up here");
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await olivia.Type("skip");
        }

        olivia.Expect("Who else did Maria Lopez suggest");
        await olivia.Type("Sam Lee");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await olivia.Type("skip");
        }

        olivia.Expect("Would you talk with Maria Lopez again?");
        await olivia.Press("Yes");
        olivia.Expect("Reflection saved", "Sam Lee");

        // A follow-up falls due: it arrives as a DM with its buttons, and a button works days later.
        var before = _fake.MessagesSnapshot().Count;
        await MakeDueAsync(store => store.FollowUps.Where(f => f.Status == FollowUpStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await Wait.UntilAsync(() => _fake.MessagesSnapshot().Skip(before).Any(m => m.ChannelId == olivia.DirectMessageChannel && m.Buttons.Count > 0),
            "a follow-up DM");
        var followUp = _fake.MessagesSnapshot().Skip(before).First(m => m.ChannelId == olivia.DirectMessageChannel && m.Buttons.Count > 0);
        Assert.All(followUp.Buttons, b => Assert.StartsWith("c:", b.CustomId, StringComparison.Ordinal));
        await olivia.PressCustomId(followUp.Buttons[0].CustomId);
        Assert.NotEmpty(olivia.Last);

        // The digest: its channel picked in the server, posted there with the chart attached.
        await olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));
        olivia.Expect("The weekly digest will go to");
        await MakeDueAsync(store => store.Teams.ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDigestAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await Wait.UntilAsync(() => _fake.MessagesSnapshot().Any(m => m.ChannelId == FakeDiscord.TeamChannelId && m.Files.Count > 0), "the digest in #team");
        var digest = _fake.MessagesSnapshot().Where(m => m.ChannelId == FakeDiscord.TeamChannelId).ToList();
        var chart = digest.SelectMany(m => m.Files).Single();
        Assert.Equal("image/png", chart.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Content[..4]);
        Assert.Equal("files[0]", chart.Field);
        Assert.Contains(digest, m => m.Text.Contains("digest", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(0, _fake.UnplannedRateLimits);
    }

    private async Task MakeDueAsync(Func<IOneOnOneStore, Task<int>> update)
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        await update(scope.ServiceProvider.GetRequiredService<IOneOnOneStore>());
    }
}
