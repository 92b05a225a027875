using System.Globalization;
using System.Text.Json.Nodes;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>
/// Someone using the bot through the fake Discord, written like a transcript:
/// <c>await olivia.Command("plan", Person(maria)); await olivia.Press("Answer in a form"); await olivia.Type("skip");</c>.
/// Every action waits until the bot has finished answering; <see cref="Last"/> is what they saw.
/// </summary>
public sealed partial class DiscordPerson(FakeDiscord fake, DiscordBot bot, string userId, string name, string? guildId = FakeDiscord.GuildId)
{
    private int _interactions;

    public string UserId { get; } = userId;

    public string Name { get; } = name;

    public string DirectMessageChannel => fake.DirectMessageChannelOf(UserId);

    /// <summary>What the bot showed this person in answer to their last action.</summary>
    public IReadOnlyList<PostedMessage> Last { get; private set; } = [];

    public string LastText => string.Join("\n", Last.Select(m => m.Text));

    /// <summary>The initial response to the last interaction (type 4, 5 or 9 and its data).</summary>
    public JsonObject? LastResponse { get; private set; }

    public JsonObject? OpenModal { get; private set; }

    /// <summary>The interaction whose answer opened <see cref="OpenModal"/>: its submit comes from the same place.</summary>
    private JsonObject? _modalOpenedBy;

    public static (string Name, int Type, JsonNode Value) Option(string name, string value) => (name, 3, JsonValue.Create(value));

    public static (string Name, int Type, JsonNode Value) Option(string name, long value) => (name, 4, JsonValue.Create(value));

    public static (string Name, int Type, JsonNode Value) Person(DiscordPerson person) => ("person", 6, JsonValue.Create(person.UserId));

    public static (string Name, int Type, JsonNode Value) Channel(string channelId) => ("channel", 7, JsonValue.Create(channelId));

    /// <summary>Uses <c>/one-on-one &lt;subcommand&gt;</c> in the server (or in the DM with <see cref="InDirectMessages"/>).</summary>
    public Task<DiscordPerson> Command(string subcommand, params (string Name, int Type, JsonNode Value)[] options) =>
        Command(guildId, subcommand, options);

    public Task<DiscordPerson> CommandInDirectMessages(string subcommand, params (string Name, int Type, JsonNode Value)[] options) =>
        Command(null, subcommand, options);

    /// <summary>Presses the button with this label (or containing it) on the latest message that has one.</summary>
    public Task<DiscordPerson> Press(string label)
    {
        var messages = fake.MessagesSnapshot().Where(m => m.ChannelId == DirectMessageChannel).Reverse().ToList();
        var (_, customId) = messages.SelectMany(m => m.Buttons).FirstOrDefault(b => b.Label.Equals(label, StringComparison.OrdinalIgnoreCase));
        customId ??= messages.SelectMany(m => m.Buttons).FirstOrDefault(b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase)).CustomId;
        if (customId is null)
        {
            throw new InvalidOperationException($"No button “{label}” in what {Name} saw:\n{LastText}");
        }

        return PressCustomId(customId);
    }

    /// <summary>Presses a button as Discord reports it: its numeric component id, custom id and type, and the message it sits on.</summary>
    public Task<DiscordPerson> PressCustomId(string customId, string? inGuild = null) =>
        ActAsync(ButtonPress(customId, fake.MessagesSnapshot().LastOrDefault(m => m.Buttons.Any(b => b.CustomId == customId)), inGuild));

    /// <summary>Fills in the open modal (text inputs by question id, selects by choice value) and submits it over the Gateway.</summary>
    public Task<DiscordPerson> Submit(IReadOnlyDictionary<string, string> answers)
    {
        var submit = ModalSubmit(answers);
        OpenModal = null;
        return ActAsync(submit);
    }

    /// <summary>Types a message in the DM with the bot.</summary>
    public async Task<DiscordPerson> Type(string text)
    {
        var before = fake.MessagesSnapshot().Count;
        var accepted = bot.Queue.Accepted;
        await fake.DispatchAsync("MESSAGE_CREATE", new JsonObject
        {
            ["id"] = fake.NextId(),
            ["channel_id"] = DirectMessageChannel,
            ["author"] = new JsonObject { ["id"] = UserId, ["username"] = Name.ToLowerInvariant(), ["global_name"] = Name },
            ["content"] = text,
            ["type"] = 0,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        }.WithUnusedMessageFields());
        await Wait.UntilAsync(() => bot.Queue.Accepted > accepted, $"the bot to take “{text}”");
        await bot.IdleAsync($"“{text}”");
        Last = fake.MessagesSnapshot().Skip(before).Where(m => m.ChannelId == DirectMessageChannel).ToList();
        return this;
    }

    public JsonObject NewInteraction(int type, JsonObject data, string? inGuild)
    {
        var id = fake.NextId();
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = inGuild is null ? DirectMessageChannel : FakeDiscord.TeamChannelId,
            ["token"] = $"token-{id}-{++_interactions}-{new string('x', 120)}",
            ["version"] = 1,
            ["locale"] = "en-US",
        };
        var user = new JsonObject { ["id"] = UserId, ["username"] = Name.ToLowerInvariant(), ["global_name"] = Name };
        if (inGuild is null)
        {
            interaction["user"] = user;
            interaction["context"] = 1;
        }
        else
        {
            interaction["guild_id"] = inGuild;
            interaction["member"] = new JsonObject { ["user"] = user, ["roles"] = new JsonArray(), ["permissions"] = "0" };
            interaction["context"] = 0;
        }

        AddUnusedFields(interaction, inGuild);
        return interaction;
    }

    /// <summary>Sends an interaction through the Gateway and waits for the whole answer.</summary>
    public async Task<DiscordPerson> ActAsync(JsonObject interaction)
    {
        var id = interaction["id"]!.GetValue<string>();
        fake.RegisterInteraction(id, interaction["token"]!.GetValue<string>(), UserId);
        var before = fake.MessagesSnapshot().Count;
        await fake.DispatchAsync("INTERACTION_CREATE", interaction);
        await Wait.UntilAsync(() => fake.ResponsesTo(id).Count > 0, $"the first response to {Name}'s interaction");
        LastResponse = fake.ResponsesTo(id)[0];
        if (LastResponse["type"]!.GetValue<int>() == 9)
        {
            Opened(LastResponse["data"]!.AsObject(), interaction);
        }

        await bot.IdleAsync($"{Name}'s interaction");
        Last = fake.MessagesSnapshot().Skip(before).Where(m => m.ChannelId == DirectMessageChannel).ToList();
        return this;
    }

    private Task<DiscordPerson> Command(string? inGuild, string subcommand, (string Name, int Type, JsonNode Value)[] options)
    {
        var resolvedUsers = new JsonObject();
        foreach (var id in options.Where(o => o.Type == 6).Select(o => o.Value.GetValue<string>()))
        {
            resolvedUsers[id] = new JsonObject { ["id"] = id, ["username"] = "member" + id[^3..], ["global_name"] = People.GetValueOrDefault(id, "Someone") };
        }

        var data = new JsonObject
        {
            ["id"] = "700000000000000001",
            ["name"] = "one-on-one",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = subcommand,
                ["type"] = 1,
                ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Type, ["value"] = o.Value.DeepClone() })]),
            }),
        };
        // A channel option resolves to a partial channel, as Discord sends it: id, name, type, permissions.
        var resolvedChannels = new JsonObject();
        foreach (var id in options.Where(o => o.Type == 7).Select(o => o.Value.GetValue<string>()))
        {
            resolvedChannels[id] = new JsonObject
            {
                ["id"] = id, ["name"] = id == FakeDiscord.TeamChannelId ? "team" : "channel-" + id[^3..], ["type"] = 0, ["permissions"] = "2248473465835073",
            };
        }

        if (resolvedUsers.Count > 0 || resolvedChannels.Count > 0)
        {
            var resolved = new JsonObject();
            if (resolvedUsers.Count > 0)
            {
                resolved["users"] = resolvedUsers;
            }

            if (resolvedChannels.Count > 0)
            {
                resolved["channels"] = resolvedChannels;
            }

            data["resolved"] = resolved;
        }

        return ActAsync(NewInteraction(2, data, inGuild));
    }

    /// <summary>Display names of the people tests mention, as Discord would resolve them.</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, string> People { get; } = new();

    public DiscordPerson Expect(params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.True(LastText.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected “{fragment}” in what {Name} saw:\n{LastText}");
        }

        return this;
    }
}
