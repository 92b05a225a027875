using OneOnOne.Core.Commands;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Wire;
using OneOnOne.Testing;
using static OneOnOne.Discord.Tests.Commands.CommandUses;

namespace OneOnOne.Discord.Tests.Commands;

/// <summary>
/// <c>/one-on-one</c> against the engine's one command grammar (the real engine over SQLite): every
/// command the engine knows is a subcommand or left out on purpose, and every use of every subcommand
/// reads, in the engine, as the command it stands for.
/// </summary>
public sealed class EngineGrammarTests : IAsyncLifetime
{
    private readonly BotHarness _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public void Every_engine_command_has_a_subcommand_or_is_left_out_on_purpose()
    {
        var engine = _engine.Get<CommandIndex>().Names.ToHashSet(StringComparer.Ordinal);
        var reached = CommandCatalog.Definition.Options!
            .SelectMany(Uses)
            .Select(use => CommandLine.Split(CommandCatalog.ToEngineText(use)!).Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(engine.Except(reached).Except(CommandCatalog.LeftOut).ToList() is [],
            "Engine commands with no /one-on-one subcommand: " + string.Join(", ", engine.Except(reached).Except(CommandCatalog.LeftOut)) +
            ". Add a subcommand to CommandCatalog, or the command with a reason to CommandCatalog.LeftOut.");
        Assert.Empty(CommandCatalog.LeftOut.Except(engine)); // no reason kept for a command that is gone
        Assert.Empty(CommandCatalog.LeftOut.Intersect(reached)); // nor for one that has a subcommand after all
    }

    [Fact]
    public async Task Every_use_of_every_subcommand_reads_as_an_engine_command_not_as_an_unknown_word()
    {
        var index = _engine.Get<CommandIndex>();
        var ana = _engine.Organizer("Ana");
        var misread = new List<string>();
        foreach (var subcommand in CommandCatalog.Definition.Options!)
        {
            foreach (var use in Uses(subcommand))
            {
                var text = CommandCatalog.ToEngineText(use)!;
                await ana.Deliver(new CommandInput(text));
                if (!index.TryFind(CommandLine.Split(text).Name, out _) || ana.LastText.Contains("I don't know the command", StringComparison.Ordinal)
                    || ana.LastText.Contains("something went wrong", StringComparison.OrdinalIgnoreCase))
                {
                    misread.Add($"/one-on-one {subcommand.Name} → “{text}”: {ana.LastText}");
                }
            }
        }

        Assert.True(misread.Count == 0, string.Join("\n", misread));
    }

    [Fact]
    public async Task A_pause_with_both_a_date_and_a_number_of_days_is_asked_to_pick_one()
    {
        var text = CommandCatalog.ToEngineText(Use("pause", Value("until", CommandOptionType.String, "dec 28"), Value("days", 7)))!;

        (await _engine.Organizer("Ana").Command(text)).Expect("just one of the two").ExpectNot("Until when");
    }

    /// <summary>A subcommand with only its required options (none: bare), with every option, and with each optional one alone beside the required.</summary>
    private static IEnumerable<InteractionData> Uses(CommandOption subcommand)
    {
        var options = subcommand.Options ?? [];
        var required = options.Where(o => o.Required == true).Select(Sample).ToArray();
        yield return Use(subcommand.Name, required);
        yield return Use(subcommand.Name, [.. options.Select(Sample)]);
        foreach (var optional in options.Where(o => o.Required != true))
        {
            yield return Use(subcommand.Name, [.. required, Sample(optional)]);
        }
    }
}
