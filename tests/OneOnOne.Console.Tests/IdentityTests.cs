using OneOnOne.Core.Messaging;

namespace OneOnOne.Console.Tests;

public class IdentityTests
{
    [Fact]
    public async Task The_configured_user_is_who_you_are_at_start()
    {
        var engine = new FakeEngine();

        await ConsoleRun.RunAsync(engine, "hi\n", user: "Maria Lopez");

        var inbound = Assert.Single(engine.Received);
        Assert.Equal(new Address("console", "local", "maria-lopez"), inbound.From);
        Assert.Equal("Maria Lopez", inbound.DisplayName);
    }

    [Fact]
    public async Task Slash_as_switches_organizer_on_the_same_team_and_confirms()
    {
        var engine = new FakeEngine();

        var run = await ConsoleRun.RunAsync(engine, "hi\n/as  Juan   Perez \nhello\n/AS maria\nhey\n");

        Assert.Equal(
            [
                new Address("console", "local", "organizer"),
                new Address("console", "local", "juan-perez"),
                new Address("console", "local", "maria"),
            ],
            engine.Received.Select(i => i.From));
        Assert.Equal(["Organizer", "Juan   Perez", "maria"], engine.Received.Select(i => i.DisplayName));
        Assert.Contains("you're Juan   Perez now", run.Output);
    }

    [Fact]
    public async Task Slash_as_with_the_same_name_in_other_case_is_the_same_organizer_spelled_as_first_given()
    {
        var engine = new FakeEngine();

        var run = await ConsoleRun.RunAsync(engine, "/as Ben\nhi\n/as Ana\nhi\n/as ben\nhey\n");

        Assert.Equal(["Ben", "Ana", "Ben"], engine.Received.Select(i => i.DisplayName));
        Assert.Equal(["ben", "ana", "ben"], engine.Received.Select(i => i.From.User));
        Assert.DoesNotContain("you're ben", run.Output);
        Assert.Contains("Okay, you're Ben again", run.Output);
    }

    [Fact]
    public async Task Slash_as_alone_says_who_you_are_and_changes_nothing()
    {
        var engine = new FakeEngine();

        var run = await ConsoleRun.RunAsync(engine, "/as\nhi\n", user: "Maria");

        Assert.Contains("You're Maria.", run.Output);
        Assert.Equal("maria", Assert.Single(engine.Received).From.User);
    }

    [Fact]
    public async Task The_interactive_prompt_shows_who_you_are()
    {
        var run = await ConsoleRun.RunAsync(new FakeEngine(), "/as Maria\n", interactive: true);

        Assert.Contains("organizer> ", run.Output);
        Assert.Contains("maria> ", run.Output);
    }
}
