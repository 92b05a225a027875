using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Forms;
using OneOnOne.Discord.Parsing;
using OneOnOne.Discord.Rendering;
using OneOnOne.Discord.Tests.Fakes;
using OneOnOne.Discord.Tests.Interactions;
using OneOnOne.Discord.Wire;
using OneOnOne.Testing;

namespace OneOnOne.Discord.Tests.Fuzz;

/// <summary>
/// Random and mutated interactions built from the shapes Discord documents (a ping, commands with
/// options and resolved data, a button press with its message, a modal submit, autocomplete), in a
/// server and in DMs: thousands through the parsing the endpoint and the dispatcher do, in-process, and
/// a few hundred through the real signed HTTP endpoint and the Gateway. Nothing escapes, every HTTP
/// request gets an answer or a 4xx, nothing is logged as an error, and the bot still answers afterwards.
/// A failure names the seed; set FUZZ_SEED to replay it or try another.
/// </summary>
public sealed class PayloadFuzzTests(FuzzBot host) : IClassFixture<FuzzBot>
{
    private const int FixedSeed = 20261126;

    [Fact]
    public void Thousands_of_mutated_interactions_are_read_without_an_exception_escaping()
    {
        var seed = JsonFuzz.Seed(FixedSeed);
        var fuzz = new JsonFuzz(seed);
        var seeds = Seeds(host);
        var payloads = host.Bot.Services.GetRequiredService<ComponentPayloadStore>();
        for (var i = 0; i < 5000; i++)
        {
            var body = fuzz.MutateText(fuzz.Pick(seeds));
            try
            {
                ReadAsTheEndpointAndDispatcherDo(Encoding.UTF8.GetBytes(body), payloads);
            }
            catch (Exception exception)
            {
                Assert.Fail($"FUZZ_SEED={seed}, case {i}: {exception.GetType().Name}: {exception.Message}\n{body}");
            }
        }
    }

    [Fact]
    public async Task Hundreds_of_signed_mutated_interactions_over_HTTP_each_get_an_answer_or_a_4xx()
    {
        var seed = JsonFuzz.Seed(FixedSeed + 1);
        var fuzz = new JsonFuzz(seed);
        var seeds = Seeds(host);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var bodies = Enumerable.Range(0, 300).Select(_ => fuzz.MutateText(fuzz.Pick(seeds))).ToList();

        foreach (var batch in bodies.Select((body, i) => (body, i)).Chunk(6))
        {
            await Task.WhenAll(batch.Select(async c =>
            {
                using var response = await DocumentedPayloadTests.PostSignedAsync(http, host.Bot, c.body);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                    $"FUZZ_SEED={seed}, case {c.i}: {(int)response.StatusCode}\n{c.body}");
            }));
        }

        await host.AssertStillWellAsync(seed);
    }

    [Fact]
    public async Task Hundreds_of_mutated_dispatches_over_the_Gateway_are_survived()
    {
        var seed = JsonFuzz.Seed(FixedSeed + 2);
        var fuzz = new JsonFuzz(seed);
        var seeds = Seeds(host);
        var olivia = new DiscordPerson(host.Fake, host.Bot, "100000000000000009", "Olivia");
        var message = new JsonObject
        {
            ["id"] = host.Fake.NextId(),
            ["channel_id"] = olivia.DirectMessageChannel,
            ["author"] = new JsonObject { ["id"] = olivia.UserId, ["username"] = "olivia", ["global_name"] = "Olivia" },
            ["content"] = "status",
            ["type"] = 0,
        }.WithUnusedMessageFields();
        var connections = host.Fake.Connections;

        for (var i = 0; i < 200; i++)
        {
            var (type, data) = i % 3 == 0 ? ("MESSAGE_CREATE", (JsonNode)message) : ("INTERACTION_CREATE", fuzz.Pick(seeds));
            await host.Fake.DispatchAsync(type, fuzz.Mutate(data));
        }

        await host.AssertStillWellAsync(seed);
        Assert.Equal(connections, host.Fake.Connections);
    }

    /// <summary>The endpoint's parse, then everything the dispatcher reads from an interaction before handing it on.</summary>
    private static void ReadAsTheEndpointAndDispatcherDo(byte[] body, ComponentPayloadStore payloads)
    {
        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordRead.Interaction);
        }
        catch (JsonException)
        {
            return; // The endpoint answers with an apology.
        }

        if (interaction is null || InteractionOrigin.From(interaction) is null)
        {
            return; // No one to answer in the conversation: the dispatcher answers with an apology.
        }

        var data = interaction.Data;
        _ = CommandCatalog.ToEngineText(data);
        _ = ModalAnswers.Read(data?.Components);
        var customId = data?.CustomId ?? string.Empty;
        _ = FormIds.TryParseOpen(customId, out _) || FormIds.TryParseModal(customId, out _) || payloads.TryResolve(customId, out _);
    }

    /// <summary>Every kind of interaction the bot handles, as Discord documents them, in a server and in DMs.</summary>
    private static List<JsonNode> Seeds(FuzzBot host)
    {
        var olivia = new DiscordPerson(host.Fake, host.Bot, "100000000000000009", "Olivia");
        var seeds = new List<JsonNode>();
        foreach (var guild in new[] { FakeDiscord.GuildId, null })
        {
            var ping = olivia.NewInteraction(1, [], guild);
            ping.Remove("data");
            seeds.Add(ping);
            seeds.Add(olivia.NewInteraction(2, Command("help"), guild));
            seeds.Add(olivia.NewInteraction(2, Command("plan", ("person", 6, "100000000000000002"), ("kind", 3, "recruitment")), guild));
            seeds.Add(olivia.NewInteraction(2, Command("add", ("name", 3, "Sam Lee"), ("met-at", 3, "the kickoff")), guild));
            seeds.Add(olivia.NewInteraction(2, Command("goal", ("count", 4, 6L)), guild));
            seeds.Add(olivia.NewInteraction(2, Command("digest", ("channel", 7, FakeDiscord.TeamChannelId), ("day", 3, "thursday"), ("time", 3, "07:00")), guild));
            seeds.Add(olivia.NewInteraction(4, Command("timezone", ("zone", 3, "Europe/Be")), guild));
            var posted = new PostedMessage(host.Fake.NextId(), FakeDiscord.TeamChannelId, "callback", host.Fake.NextId(), new JsonObject
            {
                ["content"] = "Sure?",
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = 1,
                    ["components"] = new JsonArray(
                        new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = "Yes", ["custom_id"] = "c:status" },
                        new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = "Form", ["custom_id"] = FormIds.OpenButton(1, "prep", 0) }),
                }),
            }, []);
            seeds.Add(olivia.ButtonPress("c:status", posted, guild));
            seeds.Add(olivia.ButtonPress(FormIds.OpenButton(1, "prep", 0), posted, guild));
            seeds.Add(olivia.NewInteraction(5, new JsonObject
            {
                ["custom_id"] = FormIds.Modal(1, "prep", 0),
                ["components"] = DiscordShapes.Numbered(
                [
                    new JsonObject { ["type"] = 18, ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = "goal", ["value"] = "come on the 12th" } },
                    new JsonObject { ["type"] = 18, ["component"] = new JsonObject { ["type"] = 3, ["custom_id"] = "level", ["values"] = new JsonArray("core") } },
                    new JsonObject { ["type"] = 1, ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = "why", ["value"] = "rent" }) },
                ]),
            }, guild));
        }

        return seeds;
    }

    private static JsonObject Command(string subcommand, params (string Name, int Type, object Value)[] options)
    {
        var data = new JsonObject
        {
            ["id"] = "700000000000000001",
            ["name"] = "one-on-one",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = subcommand,
                ["type"] = 1,
                ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
                {
                    ["name"] = o.Name,
                    ["type"] = o.Type,
                    ["value"] = JsonValue.Create(o.Value),
                    ["focused"] = o.Type == 3 && o.Name == "zone" ? true : null,
                })]),
            }),
        };
        data["resolved"] = new JsonObject
        {
            ["users"] = new JsonObject { ["100000000000000002"] = new JsonObject { ["id"] = "100000000000000002", ["username"] = "maria", ["global_name"] = "Maria Lopez" }.WithUnusedUserFields() },
            ["members"] = new JsonObject { ["100000000000000002"] = new JsonObject { ["nick"] = "Mari" }.WithUnusedMemberFields() },
            ["channels"] = new JsonObject { [FakeDiscord.TeamChannelId] = new JsonObject { ["id"] = FakeDiscord.TeamChannelId, ["name"] = "team", ["type"] = 0, ["permissions"] = DiscordShapes.AppPermissions } },
        };
        return data;
    }
}

/// <summary>One host with both the Gateway and the signed HTTP endpoint, shared by the fuzz tests.</summary>
public sealed class FuzzBot : IAsyncLifetime
{
    public FakeDiscord Fake { get; private set; } = null!;

    public DiscordBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeDiscord.StartAsync();
        Bot = await DiscordBot.StartAsync(Fake, new Dictionary<string, string?> { ["Discord:PublicKey"] = Signer.PublicKey });
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }

    /// <summary>Once the bot has handled everything: nothing was logged as an error, and a person still gets an answer.</summary>
    public async Task AssertStillWellAsync(int seed)
    {
        await Bot.IdleAsync("the fuzzed inputs");
        var errors = Bot.Logs.Lines.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, $"FUZZ_SEED={seed}: logged as errors:\n{string.Join("\n", errors)}");

        var sam = new DiscordPerson(Fake, Bot, "100000000000000077", "Sam");
        await sam.Command("status");
        Assert.NotEmpty(sam.LastText);
    }
}
