using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Tests.Unit;

public sealed class SlackFormatTests
{
    [Fact]
    public void Text_that_fits_once_escaped_is_only_escaped()
    {
        Assert.Equal("Tom &amp; Jo &lt;3", SlackFormat.EscapeWithin("Tom & Jo <3", 18));
    }

    [Theory]
    [InlineData("a&b&c&d&e&f&g&h", 12)]
    [InlineData("<<<<<<<<<<", 9)]
    [InlineData("plain words that run on and on", 10)]
    [InlineData("x&", 5)]
    public void Long_text_keeps_the_longest_start_that_fits_and_never_cuts_an_escape(string text, int max)
    {
        var fitted = SlackFormat.EscapeWithin(text, max);

        Assert.True(fitted.Length <= max);
        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        var kept = SlackFormat.Unescape(fitted[..^1]);
        Assert.StartsWith(kept, text, StringComparison.Ordinal);
        Assert.True(SlackFormat.Escape(text[..(kept.Length + 1)]).Length + 1 > max, "one more character would have fitted");
    }

    [Fact]
    public void An_emoji_at_the_cut_is_left_out_whole()
    {
        var fitted = SlackFormat.EscapeWithin("abc😀def", 5);

        Assert.Equal("abc…", fitted);
    }
}
