using OneOnOne.Core.People;

namespace OneOnOne.Core.Tests.People;

public class NameShapeTests
{
    [Theory]
    [InlineData("Grace Kim")]
    [InlineData("Kenji")]
    [InlineData("José Núñez")]
    [InlineData("Mary-Jane O'Neil")]
    [InlineData("Dr. Aisha Bello")]
    [InlineData("J. R. Okafor")]
    [InlineData("María de la Cruz")]
    [InlineData("Ludwig van Beethoven")]
    [InlineData("Amr al-Hassan")]
    [InlineData("Nguyễn Thị Minh")]
    [InlineData("王小明")]
    [InlineData("#12")]
    [InlineData("<@U123|maria>")]
    public void Accepts_real_names(string entry) => Assert.True(NameShape.LooksLikeName(entry), entry);

    [Theory]
    [InlineData("She talked 70% of the time")]
    [InlineData("good")]
    [InlineData("👍")]
    [InlineData("she was nice!")]
    [InlineData("Talked about the rent")]
    [InlineData("Maybe her sister?")]
    [InlineData("Call Back In Two Weeks Please Ok")]
    [InlineData("Grace (the treasurer)")]
    [InlineData("Nice.")]
    [InlineData("...")]
    public void Questions_what_is_not_a_name(string entry) => Assert.False(NameShape.LooksLikeName(entry), entry);
}
