using OneOnOne.Core.Domain;
using OneOnOne.Discord.Commands;

namespace OneOnOne.Discord.Tests.Commands;

/// <summary>
/// <c>/one-on-one level</c>'s choices can't carry a description, so each choice's name says what the level means
/// (at most 100 characters, Discord's limit for a choice name), and the value stays the level's word.
/// </summary>
public sealed class LevelChoiceTests
{
    [Fact]
    public void Each_level_choice_is_named_with_its_meaning()
    {
        var level = CommandCatalog.Definition.Options!.Single(o => o.Name == "level").Options!.Single(o => o.Name == "level");

        Assert.Equal(Enum.GetValues<EngagementLevel>().Select(Labels.WithMeaning), level.Choices!.Select(c => c.Name));
        Assert.Equal(["follower", "contributor", "active", "core"], level.Choices!.Select(c => c.Value.GetString()));
        Assert.All(level.Choices!, c => Assert.InRange(c.Name.Length, 1, 100));
    }
}
