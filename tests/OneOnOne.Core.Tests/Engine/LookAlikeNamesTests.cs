using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Messaging;
using OneOnOne.Data;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// Names that look the same are the same person, whatever invisible or control characters came with them
/// (pasted from a document, a terminal, a hostile client); nothing invisible is stored or echoed, and free
/// text keeps what carries meaning in it: line breaks, tabs and emoji.
/// </summary>
public sealed class LookAlikeNamesTests : IAsyncLifetime
{
    private readonly BotHarness _bot;

    public LookAlikeNamesTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>The same conversations on another database (<see cref="Postgres.OnPostgres{TTests}"/>).</summary>
    internal LookAlikeNamesTests(DatabaseProvider provider) => _bot = new BotHarness(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    /// <summary>“Maria Lopez” as it arrives with something invisible, or in another encoding of the same letters.</summary>
    public static TheoryData<string, string> LookAlikes => new()
    {
        { "zero-width space", "Maria\u200B Lopez" },
        { "zero-width non-joiner", "Maria \u200CLopez" },
        { "zero-width joiner", "Mar\u200Dia Lopez" },
        { "word joiner", "Maria\u2060 Lopez" },
        { "byte-order mark", "\uFEFFMaria Lopez" },
        { "no-break space", "Maria\u00A0Lopez" },
        { "narrow no-break space", "Maria\u202FLopez" },
        { "ideographic space", "Maria\u3000Lopez" },
        { "soft hyphen", "Ma\u00ADria Lopez" },
        { "NUL", "Maria\u0000 Lopez" },
        { "BEL", "Maria\u0007 Lopez" },
        { "ESC colour sequence", "\u001B[31mMaria Lopez\u001B[0m" },
        { "right-to-left override", "Maria \u202ELopez" },
        { "left-to-right isolate", "\u2066Maria Lopez\u2069" },
        { "doubled spaces", "Maria   Lopez" },
        { "fullwidth letters", "Ｍａｒｉａ Ｌｏｐｅｚ" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task A_look_alike_of_a_listed_name_is_the_same_person(string kind, string typed)
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        (await ana.Command($"list add {typed}")).Expect("Maria Lopez is already on your list");
        (await ana.Command($"person {typed}")).Expect("Maria Lopez").ExpectNot("I don't know anyone", "went wrong");
        Assert.True(await _bot.QueryAsync(s => s.People.CountAsync()) == 1, $"{kind}: a second person was added");
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task A_name_first_typed_with_invisible_characters_is_stored_and_echoed_clean(string kind, string typed)
    {
        if (kind == "fullwidth letters")
        {
            return; // Visible letters, kept as typed: they only match the plain spelling.
        }

        var ana = _bot.Organizer("Ana");
        (await ana.Command($"list add {typed}")).Expect("Added Maria Lopez to your list");
        AssertNothingInvisible(ana.LastText);

        Assert.Equal("Maria Lopez", await _bot.QueryAsync(s => s.People.Select(p => p.Name).SingleAsync()));
        (await ana.Command("list add Maria Lopez")).Expect("Maria Lopez is already on your list");
    }

    /// <summary>Half of an emoji, cut off by a client: not a character at all (and a theory's data can't carry it).</summary>
    [Fact]
    public async Task A_lone_surrogate_is_dropped_rather_than_failing()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("list add Maria\uD800 Lopez")).Expect("Added Maria Lopez to your list");
        (await ana.Command("list add Maria \uDC00Lopez")).Expect("Maria Lopez is already on your list");
        Assert.Equal("Maria Lopez", await _bot.QueryAsync(s => s.People.Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Decomposed_and_composed_accents_are_one_person_stored_composed()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Jose\u0301 Nu\u0301n\u0303ez");
        (await ana.Command("list add José Núñez")).Expect("José Núñez is already on your list");

        Assert.Equal("Jos\u00E9 N\u00FA\u00F1ez",
            await _bot.QueryAsync(s => s.People.Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Control_characters_in_an_unknown_word_are_not_echoed()
    {
        var ana = _bot.Organizer("Ana");
        (await ana.Command("\u001B[2Jpl\u0007an\u202E Maria")).Expect("I don't know anyone called “Maria”");
        AssertNothingInvisible(ana.LastText);

        (await ana.Command("fr\u0000ob")).Expect("I don't know the command “frob”");
        AssertNothingInvisible(ana.LastText);
    }

    [Fact]
    public async Task A_display_name_with_control_characters_is_stored_clean()
    {
        var ana = _bot.Organizer("Ana");
        await ana.DeliverAs(new Inbound(ana.Address, "\u202EAna\u0007  Ruiz\u001B[0m", new CommandInput("status")));

        Assert.Equal("Ana Ruiz", await _bot.QueryAsync(s => s.Organizers.Select(o => o.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_note_keeps_its_line_breaks_tabs_and_emoji_and_loses_only_what_is_invisible()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");

        await ana.Command("note Maria Lopez: family 👩‍👩‍👧 and 👍🏽,\r\nflag 🏴󠁧󠁢󠁳󠁣󠁴󠁿\tthen\u00A0\u00A0a tab\u200B\nمی‌خواهم\u0007 \u001B[1mbold\u001B[0m");

        var notes = await _bot.QueryAsync(s => s.Relationships.Select(r => r.Notes).SingleAsync());
        Assert.EndsWith("family 👩‍👩‍👧 and 👍🏽,\nflag 🏴󠁧󠁢󠁳󠁣󠁴󠁿\tthen a tab\nمی‌خواهم bold", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_answer_is_stored_clean()
    {
        var ana = _bot.Organizer("Ana");
        await ana.Command("list add Maria Lopez");
        await ana.Command("plan Maria");
        await ana.Send("\u200Bcome to the\u00A0\u00A0housing meeting\u0007");

        var goal = await _bot.QueryAsync(s => s.FlowRuns.Select(r => r.AnswersJson).SingleAsync());
        Assert.Contains("come to the housing meeting\"", goal, StringComparison.Ordinal);
    }

    private static void AssertNothingInvisible(string text)
    {
        var invisible = text.Where(c => c != '\n' && CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate).ToList();
        Assert.True(invisible.Count == 0,
            $"Invisible characters echoed: {string.Join(", ", invisible.Select(c => $"U+{(int)c:X4}"))} in:\n{text}");
    }
}
