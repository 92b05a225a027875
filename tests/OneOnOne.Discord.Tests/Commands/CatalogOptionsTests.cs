using System.Globalization;
using System.Text.Json;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Commands;

namespace OneOnOne.Discord.Tests.Commands;

/// <summary>Every option <c>/one-on-one</c> registers is honoured: filled in, it shows in the engine's command text.</summary>
public sealed class CatalogOptionsTests
{
    private const string MemberId = "123456789012345678";
    private const string ChannelId = "800000000000000010";

    [Fact]
    public void A_digest_channel_with_a_day_time_and_zone_is_one_line_the_engine_reads()
    {
        var text = CommandCatalog.ToEngineText(Use("digest",
            Value("channel", CommandOptionType.Channel, ChannelId),
            Value("day", CommandOptionType.String, "thursday"),
            Value("time", CommandOptionType.String, "07:00"),
            Value("zone", CommandOptionType.String, "Europe/Berlin")));

        Assert.Equal($"digest channel <#{ChannelId}|team> thursday 07:00 Europe/Berlin", text);
    }

    [Theory]
    [InlineData("day=thursday|time=07:00", $"digest channel <#{ChannelId}|team> thursday 07:00")]
    [InlineData("", $"digest channel <#{ChannelId}|team>")]
    public void A_digest_channel_keeps_whatever_day_and_time_came_with_it(string options, string expected)
    {
        var values = options.Length == 0
            ? []
            : options.Split('|').Select(o => Value(o[..o.IndexOf('=')], CommandOptionType.String, o[(o.IndexOf('=') + 1)..]));

        Assert.Equal(expected, CommandCatalog.ToEngineText(Use("digest", [Value("channel", CommandOptionType.Channel, ChannelId), .. values])));
    }

    [Fact]
    public void A_zone_alone_is_sent_for_the_engine_to_ask_for_a_day_and_time_not_dropped() =>
        Assert.Equal("digest time Europe/Berlin", CommandCatalog.ToEngineText(Use("digest", Value("zone", CommandOptionType.String, "Europe/Berlin"))));

    [Fact]
    public void Every_registered_option_changes_the_text_even_when_every_other_option_is_filled_in()
    {
        var ignored = new List<string>();
        foreach (var subcommand in CommandCatalog.Definition.Options!)
        {
            var all = (subcommand.Options ?? []).Select(Sample).ToList();
            var full = CommandCatalog.ToEngineText(Use(subcommand.Name, [.. all]));
            foreach (var option in all)
            {
                var without = CommandCatalog.ToEngineText(Use(subcommand.Name, [.. all.Where(o => o != option)]));
                if (without == full)
                {
                    ignored.Add($"{subcommand.Name} {option.Name} (“{full}”)");
                }
            }
        }

        Assert.True(ignored.Count == 0, "Options that change nothing: " + string.Join("; ", ignored));
    }

    /// <summary>A value a person could fill in: a choice's first value, the smallest integer allowed, a member, a channel, or some text.</summary>
    private static CommandOptionValue Sample(CommandOption option) => option.Type switch
    {
        CommandOptionType.String when option.Choices is [var first, ..] => Value(option.Name, option.Type, first.Value.GetString()!),
        CommandOptionType.String => Value(option.Name, option.Type, $"some {option.Name}"),
        CommandOptionType.Integer => new CommandOptionValue
        {
            Name = option.Name,
            Type = option.Type,
            Value = JsonSerializer.SerializeToElement(option.MinValue?.GetInt64() ?? 1),
        },
        CommandOptionType.User => Value(option.Name, option.Type, MemberId),
        CommandOptionType.Channel => Value(option.Name, option.Type, ChannelId),
        _ => throw new InvalidOperationException($"No sample for option type {option.Type.ToString(CultureInfo.InvariantCulture)} ({option.Name})."),
    };

    private static CommandOptionValue Value(string name, int type, string value) =>
        new() { Name = name, Type = type, Value = JsonSerializer.SerializeToElement(value) };

    private static InteractionData Use(string subcommand, params CommandOptionValue[] options) => new()
    {
        Name = CommandCatalog.Name,
        Options = [new CommandOptionValue { Name = subcommand, Type = CommandOptionType.SubCommand, Options = [.. options] }],
        Resolved = new ResolvedData
        {
            Users = new() { [MemberId] = new DiscordUser { Id = MemberId, Username = "maria", GlobalName = "Maria Lopez" } },
            Channels = new() { [ChannelId] = new DiscordChannel { Id = ChannelId, Type = 0, Name = "team" } },
        },
    };
}
