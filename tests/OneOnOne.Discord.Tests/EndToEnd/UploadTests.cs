using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Storage;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Scheduling;
using static OneOnOne.Discord.Tests.Fakes.DiscordPerson;

namespace OneOnOne.Discord.Tests.EndToEnd;

/// <summary>
/// Files sent with messages (an export, the digest chart): multipart parts named as RFC 7578 writes
/// them, which a strict reader accepts; and when Discord refuses the file, the words still arrive,
/// saying which file is missing.
/// </summary>
public sealed class UploadTests : IAsyncLifetime
{
    private FakeDiscord _fake = null!;
    private DiscordBot _bot = null!;
    private DiscordPerson _olivia = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _bot = await DiscordBot.StartAsync(_fake);
        _olivia = new DiscordPerson(_fake, _bot, "100000000000000001", "Olivia");
        await _olivia.Command("add", Option("name", "Sam Lee"));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task An_export_arrives_as_a_file_in_parts_named_with_quotes()
    {
        await _olivia.Command("export");

        _olivia.Expect("Here's your export");
        var file = Assert.Single(_olivia.Last.SelectMany(m => m.Files));
        Assert.Equal("files[0]", file.Field);
        Assert.StartsWith("oneonone-export-", file.FileName, StringComparison.Ordinal);
        Assert.Contains(_fake.PartHeaders, h => h == "form-data; name=\"payload_json\"");
        Assert.Contains(_fake.PartHeaders, h => h == $"form-data; name=\"files[0]\"; filename=\"{file.FileName}\"");

        // Discord's answer names the uploaded file by a snowflake id, unlike the index the upload gave it.
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task An_export_whose_file_Discord_refuses_still_says_its_text_and_which_file_is_missing()
    {
        _fake.RefuseUploads(1);

        await _olivia.Command("export");

        _olivia.Expect("Here's your export", "couldn't attach", "oneonone-export-");
        Assert.Empty(_olivia.Last.SelectMany(m => m.Files));
        Assert.DoesNotContain("something went wrong", _olivia.LastText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_digest_whose_chart_Discord_refuses_is_posted_without_it_and_says_so()
    {
        await _olivia.Command("digest", Channel(FakeDiscord.TeamChannelId));
        _fake.RefuseUploads(1);

        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOneOnOneStore>().Teams
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDigestAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        // The scheduler's own round may have taken the due digest first, and be posting it still.
        IReadOnlyList<PostedMessage> Posted() => _fake.MessagesSnapshot().Where(m => m.ChannelId == FakeDiscord.TeamChannelId).ToList();
        await Wait.UntilAsync(() => Posted().Any(m => m.Text.Contains("couldn't attach", StringComparison.Ordinal)), "the digest without its chart");
        Assert.Empty(Posted().SelectMany(m => m.Files));
        Assert.Contains(Posted(), m => m.Text.Contains("couldn't attach", StringComparison.Ordinal) && m.Text.Contains(".png", StringComparison.Ordinal));
    }
}
