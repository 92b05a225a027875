using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Charts;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

/// <summary>The weekly digest posted to the team channel: once, on time, with its chart, without notes.</summary>
public sealed class DigestDeliveryTests : IAsyncLifetime
{
    private readonly RecordingMessenger _platform = new();
    private readonly BotHarness _bot;

    public DigestDeliveryTests()
    {
        _bot = new BotHarness(services => services
            .AddOneOnOneDispatch()
            .AddOneOnOneCharts()
            .AddSingleton<IPlatformMessenger>(_platform));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Monday_mornings_digest_reaches_the_channel_once_with_its_chart_and_no_notes()
    {
        var ana = _bot.Organizer("Ana");
        var ben = _bot.Organizer("Ben");
        var cy = _bot.Organizer("Cy");
        await ana.Command("goal 4");
        await ana.Command("list add Maria");
        await ana.Command("note Maria: her landlord is threatening eviction");
        await ana.Command("met Maria");
        await ana.Press("Yes");
        await ana.Send("chair the next meeting");
        await ana.Send("skip");
        await ana.Send("skip");
        await ana.Press("Contributor");
        await ana.Command("cancel");
        await ana.Command("level Maria active");
        await ben.Command("list add Sam");
        await ben.Command("met Sam");
        await ben.Press("Maybe");
        await ben.Send("wants to check with her partner");
        await ben.Send("skip");
        await ben.Press("Follower");
        await ben.Command("cancel");
        await cy.Command("pause for 10 days");
        (await ana.Command("digest channel #organizing")).Expect("#organizing", "Mon 30 Nov, 09:00");

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await Dispatch());
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Dispatch());
        Assert.Equal(0, await Dispatch());

        var digest = Assert.Single(_platform.Sent);
        Assert.Equal(new ToChannel("test", "T1", "organizing"), digest.To);
        var text = _platform.Texts()[0];
        Assert.Contains("1:1s held this week: 2", text);
        Assert.Contains("1 yes, 1 maybe, 0 no", text);
        Assert.Contains("Moved up the pyramid: 1 (1 to active supporter)", text);
        Assert.DoesNotContain("landlord", text);
        Assert.DoesNotContain("chair the next meeting", text);
        Assert.DoesNotContain("partner", text);
        var fields = digest.Blocks.OfType<FieldsBlock>().SelectMany(f => f.Fields).ToList();
        Assert.Contains(fields, f => f.Label == "Cy (paused)");
        Assert.Contains(fields, f => f.Label == "Ana" && f.Value.Contains("1 of 4 toward their 4-week goal"));

        var chart = Assert.Single(digest.Blocks.OfType<FileBlock>());
        Assert.Equal("image/png", chart.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Content.Take(4));

        var next = await _bot.QueryAsync(s => s.Teams.Select(t => t.NextDigestAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task The_digest_time_follows_the_team_setting_across_a_time_change()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("digest channel #organizing");
        (await ana.Command("digest time fri 17:30 Europe/Berlin")).Expect("Fridays at 17:30 (Europe/Berlin)");
        var next = await _bot.QueryAsync(s => s.Teams.Select(t => t.NextDigestAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task A_digest_missed_by_more_than_a_day_is_skipped_until_next_week()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("digest channel #organizing");
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await Dispatch());
        Assert.Empty(_platform.Sent);
        var next = await _bot.QueryAsync(s => s.Teams.Select(t => t.NextDigestAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task A_digest_the_channel_refuses_is_explained_by_DM_to_the_organizer_who_chose_the_channel()
    {
        var ana = _bot.Organizer("Ana");
        var ben = _bot.Organizer("Ben");
        await ana.Command("list add Maria");
        (await ben.Command("digest channel <#C0ORG|organizing>")).Expect("#organizing").ExpectNot("C0ORG");
        _platform.RefuseChannels = "The bot isn't a member of that channel; type /invite @oneonone in it.";

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await Dispatch());

        var told = Assert.Single(_platform.Sent);
        Assert.Equal(new ToUser(ben.Address), told.To);
        var text = _platform.Texts()[0];
        Assert.Contains("couldn't be posted to #organizing", text);
        Assert.Contains("/invite @oneonone", text);
        Assert.Equal(new ToChannel("test", "T1", "C0ORG"), _platform.Attempts[0].To);
    }

    [Fact]
    public async Task When_nobody_is_known_to_have_chosen_the_channel_every_organizer_of_the_team_is_told()
    {
        var ana = _bot.Organizer("Ana");
        var ben = _bot.Organizer("Ben");
        _ = _bot.Organizer("Dee", workspace: "T2");
        await ana.Command("list add Maria");
        await ben.Command("digest channel #organizing");
        await _bot.QueryAsync(s => s.Teams.ExecuteUpdateAsync(t => t.SetProperty(x => x.DigestChannelChosenBy, (int?)null)));
        _platform.RefuseChannels = "The bot can't see that channel.";

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await Dispatch());

        Assert.Equal([new ToUser(ana.Address), new ToUser(ben.Address)], _platform.Sent.Select(o => o.To).ToList());
        Assert.All(_platform.Texts(), t => Assert.Contains("#organizing", t));
    }

    [Fact]
    public async Task A_platform_that_is_down_for_a_while_is_not_worth_a_DM()
    {
        var ben = _bot.Organizer("Ben");
        await ben.Command("digest channel #organizing");
        _platform.FailNext(1);

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await Dispatch());

        Assert.Single(_platform.Attempts);
        Assert.Empty(_platform.Sent);
    }

    private Task<int> Dispatch() => _bot.WithScopeAsync<DigestDispatcher, int>(d => d.DispatchDueAsync(CancellationToken.None));
}
