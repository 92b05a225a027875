using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Wire;
using static OneOnOne.Discord.Tests.Commands.CommandUses;

namespace OneOnOne.Discord.Tests.Commands;

/// <summary>Every option <c>/one-on-one</c> registers is honoured: filled in, it shows in the engine's command text.</summary>
public sealed class CatalogOptionsTests
{
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
}
