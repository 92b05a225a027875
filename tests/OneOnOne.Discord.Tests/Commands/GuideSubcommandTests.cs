using System.Text.Json;
using OneOnOne.Core.Method;
using OneOnOne.Discord.Commands;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Commands;

/// <summary>On Discord the method at a glance is <c>/one-on-one guide</c>, with the topics offered as choices.</summary>
public sealed class GuideSubcommandTests
{
    [Fact]
    public void The_guide_offers_every_topic_as_a_choice()
    {
        var guide = Assert.Single(CommandCatalog.Definition.Options!, o => o.Name == "guide");

        var topic = Assert.Single(guide.Options!);
        Assert.NotEqual(true, topic.Required);
        Assert.Equal(GuideTopics.All.Select(t => t.Name), topic.Choices!.Select(c => c.Value.GetString()));
    }

    [Theory]
    [InlineData(null, "guide")]
    [InlineData("pyramid", "guide pyramid")]
    public void A_use_of_the_guide_reads_as_the_engines_command_text(string? topic, string expected)
    {
        var data = new InteractionData
        {
            Name = "one-on-one",
            Options =
            [
                new CommandOptionValue
                {
                    Name = "guide",
                    Type = 1,
                    Options = topic is null ? null : [new CommandOptionValue { Name = "topic", Type = 3, Value = JsonSerializer.SerializeToElement(topic) }],
                },
            ],
        };

        Assert.Equal(expected, CommandCatalog.ToEngineText(data));
    }
}
