using System.Text.RegularExpressions;

namespace OneOnOne.Bot.Tests.Operations;

/// <summary>What an operator's Prometheus scrapes from <c>/metrics</c> of a running bot.</summary>
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task A_slash_command_moves_the_commands_counter_by_its_word_and_never_shows_what_followed_it()
    {
        await using var operated = await OperatedBot.StartAsync();
        var before = await operated.Http.GetStringAsync("/metrics");

        using var ack = await operated.SlashCommandAsync("list add Maria Lopez");
        ack.EnsureSuccessStatusCode();
        var after = await operated.Http.GetStringAsync("/metrics");

        Assert.Equal(0, Sample(before, "oneonone_commands_handled_total", """command="list",platform="slack"""));
        Assert.Equal(1, Sample(after, "oneonone_commands_handled_total", """command="list",platform="slack"""));
        Assert.Equal(1, Sample(after, "oneonone_acknowledgement_duration_seconds_count", """platform="slack"""));
        Assert.DoesNotContain("Maria", after, StringComparison.Ordinal);
        Assert.Contains("oneonone_inbox_depth", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_that_is_not_a_command_counts_as_other_so_typos_add_no_series()
    {
        await using var operated = await OperatedBot.StartAsync();

        using var ack = await operated.SlashCommandAsync("Maria?");
        ack.EnsureSuccessStatusCode();
        var after = await operated.Http.GetStringAsync("/metrics");

        Assert.Equal(1, Sample(after, "oneonone_commands_handled_total", """command="other",platform="slack"""));
        Assert.DoesNotContain("Maria", after, StringComparison.Ordinal);
    }

    /// <summary>The value of the series <paramref name="name"/> whose labels include <paramref name="labels"/>; 0 when there is none.</summary>
    private static double Sample(string exposition, string name, string labels)
    {
        var values = exposition.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success && match.Groups["name"].Value == name && match.Groups["labels"].Value.Contains(labels, StringComparison.Ordinal))
            .Select(match => double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return Assert.Single(values.DefaultIfEmpty(0));
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} (?<value>\S+)""")]
    private static partial Regex SampleLine();
}
