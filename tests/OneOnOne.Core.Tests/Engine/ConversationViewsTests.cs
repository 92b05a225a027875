using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>What adapters read through the engine's door instead of the database: forms, a DM's workspace, the home page.</summary>
public sealed class ConversationViewsTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private Conversation _ana = null!;

    private IConversationViews Views => _bot.Get<IConversationViews>();

    public async Task InitializeAsync()
    {
        _ana = _bot.Organizer("Ana");
        await _ana.Command("list add Maria Lopez");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_form_is_described_for_the_organizer_whose_run_waits_with_the_person_it_is_about()
    {
        var run = await StartPrepAsync();

        var form = await Views.DescribeFormAsync(_ana.Address, run);

        Assert.NotNull(form);
        Assert.Equal(PrepFlow.Name, form.Flow.Name);
        Assert.Equal("Maria Lopez", form.PersonName);
    }

    [Fact]
    public async Task A_closed_run_has_no_form()
    {
        var run = await StartPrepAsync();
        await _ana.Send("cancel");

        Assert.Null(await Views.DescribeFormAsync(_ana.Address, run));
    }

    [Fact]
    public async Task Someone_elses_run_has_no_form_for_them()
    {
        var run = await StartPrepAsync();
        var juan = _bot.Organizer("Juan");
        await juan.Command("list add Sam");

        Assert.Null(await Views.DescribeFormAsync(juan.Address, run));
    }

    [Fact]
    public async Task The_same_user_in_another_workspace_gets_no_form_for_a_run_started_in_the_first()
    {
        var run = await StartPrepAsync();

        Assert.Null(await Views.DescribeFormAsync(_ana.Address with { Workspace = "T2" }, run));
        Assert.Null(await Views.DescribeFormAsync(_ana.Address with { Platform = "other" }, run));
    }

    [Fact]
    public async Task An_unknown_run_has_no_form()
    {
        await StartPrepAsync();

        Assert.Null(await Views.DescribeFormAsync(_ana.Address, 424242));
    }

    [Fact]
    public async Task A_DM_belongs_to_the_workspace_where_the_user_was_last_seen_on_that_platform()
    {
        var inSecond = _bot.Organizer("Ana", workspace: "T2");
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        await inSecond.Command("people");
        Assert.Equal("T2", await Views.FindHomeWorkspaceAsync("test", _ana.Address.User));

        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        await _ana.Command("people");
        Assert.Equal("T1", await Views.FindHomeWorkspaceAsync("test", _ana.Address.User));

        Assert.Null(await Views.FindHomeWorkspaceAsync("other", _ana.Address.User));
        Assert.Null(await Views.FindHomeWorkspaceAsync("test", "someone-new"));
    }

    [Fact]
    public async Task The_home_page_shows_the_organizers_status_and_people_and_changes_nothing()
    {
        await _ana.Command("level Maria core");
        var seen = await LastSeenAsync();
        _bot.Time.Advance(TimeSpan.FromHours(1));

        var home = await Views.DescribeHomeAsync(_ana.Address);

        Assert.Contains("Where you are", Text(home.Status));
        Assert.Contains("Core leaders (1): Maria Lopez", Text(home.People));
        Assert.Equal(seen, await LastSeenAsync());
    }

    [Fact]
    public async Task Someone_never_heard_from_is_welcomed_on_the_home_page_and_nothing_is_stored_for_them()
    {
        var organizers = await _bot.QueryAsync(s => s.Organizers.CountAsync());

        var home = await Views.DescribeHomeAsync(new Address("test", "T1", "newcomer"));

        Assert.Contains("list add", Text(home.Status));
        Assert.Empty(home.People);
        Assert.Equal(organizers, await _bot.QueryAsync(s => s.Organizers.CountAsync()));
    }

    private async Task<int> StartPrepAsync()
    {
        (await _ana.Command("plan Maria")).Expect("Preparing your 1:1 with Maria");
        return await _bot.QueryAsync(s => s.FlowRuns.Where(r => r.Flow == PrepFlow.Name).Select(r => r.Id).SingleAsync());
    }

    private Task<DateTimeOffset?> LastSeenAsync() =>
        _bot.QueryAsync(s => s.Organizers.Where(o => o.ExternalUserId == _ana.Address.User).Select(o => o.LastSeenAt).SingleAsync());

    private static string Text(IEnumerable<Block> blocks) =>
        string.Join('\n', blocks.Select(b => b switch { HeaderBlock h => h.Text, TextBlock t => t.Text, _ => string.Empty }));
}
