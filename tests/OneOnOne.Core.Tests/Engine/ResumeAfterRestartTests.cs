using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Data;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// After a restart the organizer can't see which question is waiting (their chat may have scrolled on, and
/// the bot was silent for a while), so nothing they type first is taken as its answer unseen.
/// </summary>
public sealed class ResumeAfterRestartTests : IAsyncLifetime
{
    private readonly BotHarness _bot;
    private Conversation _ana = null!;

    public ResumeAfterRestartTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>The same conversations on another database (<see cref="Postgres.OnPostgres{TTests}"/>).</summary>
    internal ResumeAfterRestartTests(DatabaseProvider provider) => _bot = new BotHarness(provider: provider);

    public async Task InitializeAsync()
    {
        _ana = _bot.Organizer("Ana");
        await _ana.Command("list add Maria");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Status_typed_first_after_a_restart_runs_and_shows_the_waiting_question_instead_of_becoming_its_answer()
    {
        await PrepUpToWhatYouKnowAsync();
        await _bot.Restart();

        (await _ana.Send("status")).Expect("Where you are", "What do you already know about Maria");

        var run = await _bot.QueryAsync(s => s.FlowRuns.SingleAsync());
        Assert.Equal("known", run.Step);
        Assert.DoesNotContain("status", run.AnswersJson, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_first_line_after_a_restart_is_not_saved_the_flow_is_announced_and_the_same_line_sent_again_is()
    {
        await PrepUpToWhatYouKnowAsync();
        await _bot.Restart();

        (await _ana.Send("she's a nurse at the clinic"))
            .Expect("in the middle of “Preparing your 1:1 with Maria”", "didn't save", "What do you already know about Maria");
        Assert.DoesNotContain("nurse", (await _bot.QueryAsync(s => s.FlowRuns.SingleAsync())).AnswersJson);

        (await _ana.Send("she's a nurse at the clinic")).Expect("What do you want Maria to learn about you?");
        Assert.Contains("nurse", (await _bot.QueryAsync(s => s.FlowRuns.SingleAsync())).AnswersJson);
    }

    [Fact]
    public async Task A_command_first_after_a_restart_runs_and_then_the_waiting_question_is_shown()
    {
        await PrepUpToWhatYouKnowAsync();
        await _bot.Restart();

        (await _ana.Command("person Maria"))
            .Expect("Maria", "in the middle of “Preparing your 1:1 with Maria”", "What do you already know about Maria");
        (await _ana.Send("she's a nurse")).Expect("What do you want Maria to learn about you?");
    }

    [Fact]
    public async Task A_button_pressed_first_after_a_restart_still_answers_its_question()
    {
        (await _ana.Command("met Maria")).Expect("How did Maria answer your ask?");
        await _bot.Restart();

        (await _ana.Press("Yes")).Expect("What exactly did Maria commit to?");
        Assert.Equal("commitment", (await _bot.QueryAsync(s => s.FlowRuns.SingleAsync())).Step);
    }

    [Fact]
    public async Task Each_organizer_is_told_once()
    {
        var juan = _bot.Organizer("Juan");
        await juan.Command("list add Sam");
        await juan.Command("plan Sam");
        await PrepUpToWhatYouKnowAsync();
        await _bot.Restart();

        (await _ana.Send("she's a nurse")).Expect("didn't save");
        (await juan.Send("come to the tenants' meeting")).Expect("didn't save", "Preparing your 1:1 with Sam");
        (await _ana.Send("she's a nurse")).Expect("What do you want Maria to learn about you?").ExpectNot("didn't save");
    }

    [Fact]
    public async Task An_adapter_that_opens_the_conversation_gets_the_waiting_question_and_the_next_line_is_its_answer()
    {
        await PrepUpToWhatYouKnowAsync();
        await _bot.Restart();

        var welcome = Text(await ResumeAsync(_ana.Address));
        Assert.Contains("Welcome back! We were in the middle of “Preparing your 1:1 with Maria”", welcome);
        Assert.Contains("What do you already know about Maria", welcome);

        (await _ana.Send("she's a nurse")).Expect("What do you want Maria to learn about you?");
    }

    [Fact]
    public async Task Opening_the_conversation_with_nothing_waiting_says_nothing_and_creates_no_one()
    {
        Assert.Empty(await ResumeAsync(new Address("test", "T1", "newcomer")));
        Assert.Empty(await ResumeAsync(_ana.Address));
        Assert.Equal(1, await _bot.QueryAsync(s => s.Organizers.CountAsync()));
    }

    private Task<IReadOnlyList<Outbound>> ResumeAsync(Address organizer) =>
        _bot.WithScopeAsync<IConversationEngine, IReadOnlyList<Outbound>>(engine => engine.ResumeAsync(organizer));

    private static string Text(IEnumerable<Outbound> messages) =>
        string.Join('\n', messages.SelectMany(m => m.Blocks).OfType<TextBlock>().Select(t => t.Text));

    private async Task PrepUpToWhatYouKnowAsync()
    {
        await _ana.Command("plan Maria");
        await _ana.Send("come to the housing meeting");
        await _ana.Send("her rent went up");
        (await _ana.Send("keeping her kids in their school")).Expect("What do you already know about Maria");
    }
}
