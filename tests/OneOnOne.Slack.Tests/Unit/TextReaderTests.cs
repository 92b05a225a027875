using OneOnOne.Slack.Parsing;

namespace OneOnOne.Slack.Tests.Unit;

public sealed class TextReaderTests
{
    private static readonly Dictionary<string, string> Names = new() { ["U123"] = "Maria Lopez", ["U456"] = "Sam <the> | Ortiz" };

    private static Task<string> Read(string text) => SlackTextReader.ReadAsync(text, id => Task.FromResult(Names.GetValueOrDefault(id)));

    [Theory]
    [InlineData("list add <@U123>", "list add <@U123|Maria Lopez>")]
    [InlineData("list add <@U123|maria>", "list add <@U123|Maria Lopez>")]
    [InlineData("level <@U999|sam> core", "level <@U999|sam> core")]
    [InlineData("level <@U999> core", "level <@U999> core")]
    [InlineData("note <@U456>: likes tea", "note <@U456|Sam the Ortiz>: likes tea")]
    [InlineData("rents &gt; wages &amp; &lt;3", "rents > wages & <3")]
    [InlineData("see <https://example.org/a?b=1&amp;c=2>", "see https://example.org/a?b=1&c=2")]
    [InlineData("see <https://example.org|the site>", "see the site (https://example.org)")]
    [InlineData("in <#C42|housing> with <!here>", "in <#C42|housing> with @here")]
    [InlineData("digest channel <#C0ORG|organizing>", "digest channel <#C0ORG|organizing>")]
    [InlineData("in <#nonsense|x>", "in #x")]
    [InlineData("mail <mailto:a@b.org|a@b.org>", "mail a@b.org")]
    [InlineData("<!subteam^S1|@leaders> and <!date^1392734382^{date}|Feb 18>", "@leaders and Feb 18")]
    [InlineData("plain words", "plain words")]
    public async Task Slack_markup_becomes_what_the_person_meant(string typed, string expected)
    {
        Assert.Equal(expected, await Read(typed));
    }

    [Fact]
    public async Task Only_the_first_mentions_are_looked_up()
    {
        var asked = 0;
        var text = string.Join(' ', Enumerable.Repeat("<@U123>", SlackTextReader.MaxLookups + 5));
        var read = await SlackTextReader.ReadAsync(text, _ =>
        {
            asked++;
            return Task.FromResult<string?>("Maria Lopez");
        });

        Assert.Equal(SlackTextReader.MaxLookups, asked);
        Assert.EndsWith("<@U123>", read);
    }
}
