using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>What the engine can answer without the database, an adapter may answer in its acknowledgement.</summary>
public sealed class AnswerAtOnceTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("help")]
    [InlineData("xyzzy")]
    [InlineData("  ")]
    public async Task Help_an_unknown_word_or_a_blank_is_answered_at_once_as_handling_it_would(string text)
    {
        var inbound = Command(text);

        var atOnce = await _bot.WithScopeAsync<IConversationEngine, IReadOnlyList<Outbound>?>(engine => Task.FromResult(engine.TryAnswerAtOnce(inbound)));
        var handled = await _bot.HandleAsync(inbound);

        Assert.NotNull(atOnce);
        Assert.NotEmpty(Texts(atOnce));
        Assert.Equal(Texts(handled), Texts(atOnce));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("list add Maria Lopez")]
    public async Task What_reads_or_changes_anything_stored_is_not(string text)
    {
        var atOnce = await _bot.WithScopeAsync<IConversationEngine, IReadOnlyList<Outbound>?>(engine => Task.FromResult(engine.TryAnswerAtOnce(Command(text))));

        Assert.Null(atOnce);
    }

    private static Inbound Command(string text) => new(new Address("test", "T1", "ana"), "Ana", new CommandInput(text));

    private static string Texts(IReadOnlyList<Outbound> outbounds) =>
        string.Join("\n", outbounds.SelectMany(o => o.Blocks).OfType<TextBlock>().Select(t => t.Text));
}
