using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Scheduling;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>Messages sent outside a conversation (follow-ups, digests) through the host's <see cref="IMessenger"/>.</summary>
public sealed class MessengerTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    public async Task A_follow_up_goes_to_the_persons_DM_and_a_digest_to_its_channel_with_the_chart_uploaded()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var messenger = bot.Services.GetRequiredService<IMessenger>();

        var ts = await messenger.SendAsync(new Outbound(new ToUser(new Address("slack", FakeSlack.TeamId, "UANA")),
        [
            new TextBlock("Did you meet Maria Lopez yesterday?"),
            new ButtonsBlock([new Button("We met", "c:met Maria Lopez")]),
        ]), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(ts));
        Assert.Equal("UANA", (await slack.WaitForCallAsync("conversations.open")).Json!.Value.GetProperty("users").GetString());
        var followUp = await slack.WaitForPostAsync(0, "Did you meet Maria Lopez yesterday?");
        Assert.Equal("DUANA", followUp.Channel);
        Assert.Equal(("We met", "btn:0", "c:met Maria Lopez"), followUp.Buttons.Single());

        await messenger.SendAsync(new Outbound(new ToChannel("slack", FakeSlack.TeamId, "C0DIGEST"),
        [
            new HeaderBlock("Team digest, Mon 7 Dec to Sun 13 Dec"),
            new TextBlock("1:1s held this week: 3"),
            new FileBlock("pyramid.png", "image/png", Png, "This week's pyramid"),
        ]), CancellationToken.None);

        var digest = await slack.WaitForPostAsync(0, "1:1s held this week: 3", "C0DIGEST");
        Assert.Equal("chat.postMessage", digest.Kind);
        var chart = await slack.WaitForAsync(() => slack.Uploads.FirstOrDefault(u => u.Channel == "C0DIGEST"), "the digest chart");
        Assert.Equal("pyramid.png", chart.FileName);
        Assert.Equal(Png, chart.Bytes);
        Assert.Equal("This week's pyramid", chart.Title);
        Assert.Equal(Png.Length.ToString(CultureInfo.InvariantCulture), slack.Calls("files.getUploadURLExternal").Single().Form["length"]);
        Assert.StartsWith("application/x-www-form-urlencoded", slack.Calls("files.getUploadURLExternal").Single().ContentType);
    }

    [Fact]
    public async Task The_digest_channel_is_chosen_with_a_Slack_channel_reference_kept_by_id_and_confirmed_by_name()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);

        var confirmation = await bot.Person("UANA").Command("digest channel <#C0ORG|organizing>", "The weekly digest will go to #organizing,");
        Assert.DoesNotContain("C0ORG", confirmation.AllText, StringComparison.Ordinal);
        await using var scope = bot.Services.CreateAsyncScope();
        var channel = await scope.ServiceProvider.GetRequiredService<IOneOnOneStore>().Teams.Select(t => t.DigestChannel).SingleAsync();
        Assert.Equal("C0ORG", channel);
    }

    [Fact]
    public async Task A_digest_in_a_channel_the_bot_is_not_in_is_explained_by_DM_to_the_organizer_who_chose_it()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        await bot.Person("UBEN").Command("help", "digest");
        await bot.Person("UANA").Command("digest channel <#C0ORG|organizing>", "The weekly digest will go to #organizing,");
        var before = slack.Posts.Count;

        slack.Fail("chat.postMessage", "C0ORG", Fault.NotOk("not_in_channel"));
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOneOnOneStore>().Teams
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDigestAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        var told = await slack.WaitForPostAsync(before, "couldn't be posted to #organizing", "DUANA");
        Assert.Contains("/invite @oneonone in it", told.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(slack.Posts.Skip(before), p => p.Channel is "C0ORG" or "DUBEN");
    }

    [Fact]
    public async Task Refusals_become_MessageNotDelivered_saying_whether_to_try_again()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var messenger = bot.Services.GetRequiredService<IMessenger>();
        var toGone = new Outbound(new ToChannel("slack", FakeSlack.TeamId, "C0GONE"), [new TextBlock("Weekly digest")]);

        slack.Fail("chat.postMessage", "C0GONE", Fault.NotOk("channel_not_found"));
        var gone = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => messenger.SendAsync(toGone, CancellationToken.None));
        Assert.False(gone.Transient);
        Assert.Contains("can't find that channel", gone.Message);

        slack.Fail("chat.postMessage", "C0GONE", Enumerable.Repeat(Fault.ServerError(), 5).ToArray());
        var down = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => messenger.SendAsync(toGone, CancellationToken.None));
        Assert.True(down.Transient);

        var elsewhere = new Outbound(new ToChannel("slack", "T0OTHER", "C0DIGEST"), [new TextBlock("Weekly digest")]);
        var wrongTeam = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => messenger.SendAsync(elsewhere, CancellationToken.None));
        Assert.False(wrongTeam.Transient);
        Assert.Empty(slack.Posts);
    }
}
