using System.Text;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// What one organizer records about a person is theirs alone. The team shares a person's name, their level
/// and its history, and who else is in touch with them (README, "Where your data lives"). Ana records
/// everything with words found nowhere else; Ben, on the same team and in touch with the same person, walks
/// every read path and must meet none of them.
/// </summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    /// <summary>Every word Ana typed about Maria, Olu and the people Maria referred, besides their names.</summary>
    private static readonly string[] AnasWords =
    [
        "Zanzibar", "origami", "Quinoa", "rooftop garden", "saxophone", "tuba", "quokka", "marmalade",
        "lighthouse", "trampoline", "walrus", "zeppelin", "pumpernickel", "Darnell", "Núñez", "Referred to you",
        "Referred you to",
    ];

    private readonly BotHarness _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Another_organizer_on_the_team_sees_none_of_what_Ana_recorded()
    {
        var ana = _bot.Organizer("Ana");
        await AnaRecordsEverything(ana);

        // Ana's own card and export do hold her words, so their absence below means something.
        (await ana.Command("person Maria")).Expect("Zanzibar", "origami", "marmalade", "tuba", "Referred you to: Darnell Washington, José Núñez");
        await ana.Command("export");
        Assert.Contains("quokka", Encoding.UTF8.GetString(Assert.Single(ana.Files).Content));

        var ben = _bot.Organizer("Ben");
        await ben.Command("list add Maria Lopez");
        await ben.Command("list add Olu Adeyemi");
        await ben.Command("plan Maria");
        await ben.Send("come to the Tuesday meeting");
        for (var i = 0; i < 8; i++)
        {
            await ben.Send("skip");
        }

        await ben.Command("schedule Maria tomorrow 6pm for 30");
        _bot.Time.Advance(TimeSpan.FromMinutes(5));

        var seen = new List<(string Path, string Text)>();
        foreach (var command in new[] { "person Maria", "person Maria history", "person Olu", "people", "list", "status", "digest" })
        {
            seen.Add((command, (await ben.Command(command)).LastText));
        }

        await ben.Command("export");
        seen.Add(("export", Encoding.UTF8.GetString(Assert.Single(ben.Files).Content)));
        seen.AddRange(await FollowUpTextsFor("Ben"));

        Assert.Contains("Maria Lopez", seen[0].Text);
        Assert.Contains("Also in touch: Ana", seen[0].Text);
        Assert.Contains("contributor", seen[0].Text);
        foreach (var (path, text) in seen)
        {
            foreach (var word in AnasWords)
            {
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"Ben's `{path}` shows Ana's “{word}”:\n{text}");
            }
        }
    }

    private static async Task AnaRecordsEverything(Conversation ana)
    {
        await ana.Command("list add Maria Lopez met at the Zanzibar gala");
        await ana.Command("note Maria: folds origami cranes for her nieces");
        await ana.Command("plan Maria");
        await ana.Send("join the Quinoa cooperative board");
        await ana.Send("she talks about her rooftop garden");
        await ana.Send("the saxophone school for kids");
        await ana.Send("she plays in a lighthouse band");
        await ana.Send("my trampoline accident story");
        await ana.Send("we met at the walrus swim");
        await ana.Send("hear about the zeppelin club");
        await ana.Send("bring the tuba to the rally");
        await ana.Send("pumpernickel bake sale instead");
        await ana.Command("schedule Maria tomorrow 10am");
        await ana.Command("met Maria");
        await ana.Press("Yes");
        await ana.Send("bring the tuba and two neighbours");
        await ana.Send("next friday");
        await ana.Send("skip");
        await ana.Press("Contributor");
        await ana.Send("we both love marmalade");
        await ana.Send("the lighthouse restoration");
        await ana.Send("the zeppelin museum");
        await ana.Send("saxophone and bookkeeping");
        await ana.Send("grew up above a walrus-themed diner");
        await ana.Send("Darnell Washington, José Núñez");
        await ana.Send("asked about the pumpernickel");
        await ana.Send("less talk about the tuba");
        await ana.Send("her cousin at the Quinoa shop");
        await ana.Press("Yes");

        await ana.Command("list add Olu Adeyemi met at the origami fair");
        await ana.Command("met Olu");
        await ana.Press("Maybe");
        await ana.Send("waiting for the quokka decision");
        await ana.Send("skip");
        await ana.Send("skip");
        await ana.Command("cancel");
    }

    /// <summary>Every follow-up Ben has, worded as the dispatcher words it.</summary>
    private async Task<IEnumerable<(string, string)>> FollowUpTextsFor(string name)
    {
        var zone = Zones.TryFind(BotHarness.Zone, out var found) ? found : TimeZoneInfo.Utc;
        return await _bot.QueryAsync(async store =>
        {
            var rows = await store.FollowUps.Include(f => f.Person).Include(f => f.Meeting).ThenInclude(m => m!.Reflections)
                .Where(f => f.Organizer.DisplayName == name)
                .ToListAsync();
            Assert.NotEmpty(rows);
            var texts = new List<(string, string)>();
            foreach (var row in rows)
            {
                var note = new FollowUpNote(row.Id, row.Kind, row.Person?.Name, row.PersonId, row.Meeting, zone, _bot.Time.GetUtcNow())
                {
                    Earlier = row.Meeting is null ? [] : await store.EarlierNotesAsync(row.Meeting, default),
                };
                var reply = FollowUpMessages.Compose(note);
                texts.Add(($"follow-up {row.Kind}", string.Join('\n', reply.Blocks.Select(b => b switch
                {
                    TextBlock t => t.Text,
                    HeaderBlock h => h.Text,
                    _ => string.Empty,
                }))));
            }

            return texts;
        });
    }
}
