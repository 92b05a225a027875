using OneOnOne.Core.Messaging;
using static OneOnOne.Console.Tests.FakeEngine;

namespace OneOnOne.Console.Tests;

public class LifetimeTests
{
    [Fact]
    public async Task Piped_input_prints_replies_without_banner_or_prompt_and_stops_at_the_end()
    {
        var engine = new FakeEngine().Respond(inbound => [Say(new TextBlock($"got {((ReplyInput)inbound.Input).Text}"))]);

        var run = await ConsoleRun.RunAsync(engine, "one\ntwo");

        Assert.True(run.StoppedByAdapter);
        Assert.Equal("got one\n\ngot two\n\n", run.Output);
    }

    [Fact]
    public async Task Interactive_use_welcomes_once_prompts_and_says_goodbye_at_end_of_input()
    {
        var run = await ConsoleRun.RunAsync(new FakeEngine(), "hi\nhello\n", interactive: true);

        Assert.True(run.StoppedByAdapter);
        Assert.StartsWith("Welcome to OneOnOne.Bot", run.Output);
        Assert.Single(Occurrences(run.Output, "Welcome"));
        Assert.Contains("Type `help` to see what I can do.", run.Output);
        Assert.Contains("/as <name>", run.Output);
        Assert.Contains("Ctrl+D or /quit", run.Output);
        Assert.Equal(3, Occurrences(run.Output, "organizer> ").Count);
        Assert.EndsWith("Bye for now. Good luck with your one-on-ones!\n", run.Output);
    }

    [Theory]
    [InlineData("/quit")]
    [InlineData("/exit")]
    [InlineData("  /QUIT  ")]
    public async Task Quit_stops_the_application_and_reads_no_further(string quit)
    {
        var engine = new FakeEngine();

        var run = await ConsoleRun.RunAsync(engine, $"before\n{quit}\nafter\n");

        Assert.True(run.StoppedByAdapter);
        Assert.Equal([new ReplyInput("before")], engine.Inputs);
    }

    [Fact]
    public async Task An_engine_failure_is_reported_kindly_and_the_next_line_still_works()
    {
        var engine = new FakeEngine().Respond(inbound => ((ReplyInput)inbound.Input).Text == "boom"
            ? throw new InvalidOperationException("database is locked")
            : [Say(new TextBlock("fine"))]);

        var run = await ConsoleRun.RunAsync(engine, "boom\nagain\n");

        Assert.True(run.StoppedByAdapter);
        Assert.Equal([new ReplyInput("boom"), new ReplyInput("again")], engine.Inputs);
        Assert.Contains("something went wrong on my side", run.Output);
        Assert.DoesNotContain("database is locked", run.Output);
        Assert.EndsWith("fine\n\n", run.Output);
    }

    [Fact]
    public async Task A_cancelled_engine_call_that_is_not_a_shutdown_does_not_end_the_session()
    {
        var engine = new FakeEngine().Respond(inbound => ((ReplyInput)inbound.Input).Text == "slow"
            ? throw new TaskCanceledException("timed out")
            : [Say(new TextBlock("fine"))]);

        var run = await ConsoleRun.RunAsync(engine, "slow\nagain\n");

        Assert.True(run.StoppedByAdapter);
        Assert.EndsWith("fine\n\n", run.Output);
    }

    private static List<int> Occurrences(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            found.Add(i);
        }

        return found;
    }
}
