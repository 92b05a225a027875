using System.Text.Json;
using System.Text.RegularExpressions;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Commands;

public sealed partial class CommandCatalogTests
{
    [Fact]
    public void The_command_respects_every_limit_Discord_sets()
    {
        var command = CommandCatalog.Definition;
        var total = command.Name.Length + command.Description.Length;
        Assert.Matches(NamePattern(), command.Name);
        Assert.InRange(command.Options!.Count, 1, 25);
        Assert.Contains(1, command.Contexts!);
        foreach (var subcommand in command.Options)
        {
            Assert.Matches(NamePattern(), subcommand.Name);
            Assert.InRange(subcommand.Description.Length, 1, 100);
            total += subcommand.Name.Length + subcommand.Description.Length;
            var options = subcommand.Options ?? [];
            Assert.InRange(options.Count, 0, 25);
            Assert.Equal(options.Count, options.Select(o => o.Name).Distinct().Count());

            // Required options come first.
            Assert.Equal(options.OrderByDescending(o => o.Required == true).Select(o => o.Name), options.Select(o => o.Name));
            foreach (var option in options)
            {
                Assert.Matches(NamePattern(), option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
                Assert.InRange(option.Choices?.Count ?? 0, 0, 25);
                total += option.Name.Length + option.Description.Length + (option.Choices?.Sum(c => c.Name.Length + c.Value.GetRawText().Length) ?? 0);
            }
        }

        Assert.True(total <= 8000, $"{total} characters");
    }

    [Theory]
    [InlineData("help", "", "help")]
    [InlineData("plan", "person=6:123456789012345678|kind=3:recruitment", "plan <@123456789012345678|Maria Lopez> recruitment")]
    [InlineData("plan", "name=3:Sam Lee", "plan Sam Lee")]
    [InlineData("add", "name=3:Sam Lee|met-at=3:the kickoff|referred-by=3:Maria", "list add Sam Lee met at the kickoff referred by Maria")]
    [InlineData("schedule", "when=3:tue 18:30|person=6:123456789012345678|place=3:Cafe Luna|minutes=4:40", "schedule <@123456789012345678|Maria Lopez> tue 18:30 at Cafe Luna for 40")]
    [InlineData("note", "text=3:her daughter\nstarts school|name=3:Maria", "note Maria: her daughter starts school")]
    [InlineData("level", "level=3:core|person=6:123456789012345678", "level <@123456789012345678|Maria Lopez> core")]
    [InlineData("digest", "channel=7:800000000000000010", "digest channel <#800000000000000010>")] // no resolved channel: the bare mention
    [InlineData("digest", "day=3:monday|time=3:09:00|zone=3:Europe/Berlin", "digest time monday 09:00 Europe/Berlin")]
    [InlineData("pause", "days=4:7", "pause for 7 days")]
    [InlineData("goal", "count=4:6", "goal 6")]
    [InlineData("nudges", "state=3:off", "nudges off")]
    public void A_use_of_the_command_reads_as_the_engines_command_text(string subcommand, string options, string expected)
    {
        var data = new InteractionData
        {
            Name = "one-on-one",
            Options = [new CommandOptionValue { Name = subcommand, Type = 1, Options = Parse(options) }],
            Resolved = new ResolvedData
            {
                Users = new() { ["123456789012345678"] = new DiscordUser { Id = "123456789012345678", Username = "maria", GlobalName = "Maria Lopez" } },
            },
        };

        Assert.Equal(expected, CommandCatalog.ToEngineText(data));
    }

    [Fact]
    public void A_picked_channel_carries_its_resolved_name_which_cannot_break_the_mention()
    {
        var data = new InteractionData
        {
            Name = "one-on-one",
            Options = [new CommandOptionValue { Name = "digest", Type = 1, Options = Parse("channel=7:800000000000000010") }],
            Resolved = new ResolvedData
            {
                Channels = new() { ["800000000000000010"] = new DiscordChannel { Id = "800000000000000010", Type = 0, Name = "organizing|<x>" } },
            },
        };

        Assert.Equal("digest channel <#800000000000000010|organizingx>", CommandCatalog.ToEngineText(data));
    }

    [Fact]
    public void A_server_nickname_names_the_person_and_cannot_break_the_mention()
    {
        var data = new InteractionData
        {
            Name = "one-on-one",
            Options = [new CommandOptionValue { Name = "person", Type = 1, Options = Parse("person=6:123456789012345678") }],
            Resolved = new ResolvedData
            {
                Users = new() { ["123456789012345678"] = new DiscordUser { Id = "123456789012345678", Username = "maria" } },
                Members = new() { ["123456789012345678"] = new GuildMember { Nick = "Mari <3 | organizer>" } },
            },
        };

        Assert.Equal("person <@123456789012345678|Mari 3  organizer>", CommandCatalog.ToEngineText(data));
    }

    [Fact]
    public void Other_commands_and_malformed_uses_read_as_nothing()
    {
        Assert.Null(CommandCatalog.ToEngineText(null));
        Assert.Null(CommandCatalog.ToEngineText(new InteractionData { Name = "other", Options = [new CommandOptionValue { Name = "help", Type = 1 }] }));
        Assert.Null(CommandCatalog.ToEngineText(new InteractionData { Name = "one-on-one" }));
        Assert.Null(CommandCatalog.ToEngineText(new InteractionData { Name = "one-on-one", Options = [new CommandOptionValue { Name = "nope", Type = 1 }] }));
        Assert.Equal("goal", CommandCatalog.ToEngineText(new InteractionData
        {
            Name = "one-on-one",
            Options = [new CommandOptionValue { Name = "goal", Type = 1, Options = [new CommandOptionValue { Name = "count", Type = 4, Value = JsonSerializer.SerializeToElement("six") }] }],
        }));
    }

    [Fact]
    public void Registered_commands_listed_back_with_ids_and_defaults_count_as_the_same()
    {
        var wanted = CommandCatalog.All;
        var listed = JsonSerializer.Deserialize(JsonSerializer.Serialize(wanted, DiscordJson.Default.ListApplicationCommand), DiscordJson.Default.ListApplicationCommand)!;
        foreach (var command in listed)
        {
            command.Id = "1";
            command.ApplicationId = "2";
            command.Version = "3";
            command.DefaultMemberPermissions = null;
            command.Nsfw = false;
            foreach (var option in command.Options!.SelectMany(o => o.Options ?? []))
            {
                option.Required ??= false;
            }
        }

        Assert.True(CommandComparer.AreSame(listed, wanted));

        listed[0].Options![0].Description = "changed";
        Assert.False(CommandComparer.AreSame(listed, wanted));
        Assert.False(CommandComparer.AreSame([], wanted));
    }

    private static List<CommandOptionValue> Parse(string options) => options.Length == 0
        ? []
        : options.Split('|').Select(o =>
        {
            var (name, rest) = (o[..o.IndexOf('=')], o[(o.IndexOf('=') + 1)..]);
            var type = int.Parse(rest[..rest.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture);
            var value = rest[(rest.IndexOf(':') + 1)..];
            return new CommandOptionValue
            {
                Name = name,
                Type = type,
                Value = type == 4 ? JsonSerializer.SerializeToElement(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : JsonSerializer.SerializeToElement(value),
            };
        }).ToList();

    [GeneratedRegex(@"^[-_'\p{Ll}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
