using System.Text.Json;
using OneOnOne.Slack.Rendering;
using OneOnOne.Slack.Tests.Fakes;
using OneOnOne.Slack.Tests.Support;

namespace OneOnOne.Slack.Tests.EndToEnd;

/// <summary>Prep as a modal: opened from the DM's button, refused with errors under the field, then saved.</summary>
public sealed class FormTests
{
    [Theory]
    [InlineData(SlackTransport.SocketMode)]
    [InlineData(SlackTransport.Http)]
    public async Task A_modal_shows_errors_under_the_field_then_saves_and_answers_in_the_DM(SlackTransport transport)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Garcia", "UTC");
        await using var bot = await SlackBot.StartAsync(slack, transport);
        var ana = bot.Person("UANA");
        await ana.Command("list add Sam Ortiz", "Added Sam Ortiz");
        var offer = await ana.Command("plan Sam", "(1 of up to 9)");

        // The message that offers the form carries the plan's opening: what this kind of 1:1 is for, where and how long.
        Assert.Contains(offer.Buttons, b => b.Label == "Answer in a form");
        Assert.Contains("A recruitment 1:1 with Sam Ortiz", offer.AllText);
        Assert.Contains("face to face if you can, for 30 to 45 minutes", offer.AllText);

        var opensBefore = slack.Calls("views.open").Count;
        Assert.Null(await ana.PressAsync("Answer in a form"));
        var open = await slack.WaitForCallAsync("views.open", after: opensBefore);
        Assert.False(string.IsNullOrEmpty(open.Json!.Value.GetProperty("trigger_id").GetString()));
        var view = open.Json.Value.GetProperty("view");
        Assert.Equal("modal", view.GetProperty("type").GetString());
        Assert.Equal(SlackFormBuilder.CallbackId, view.GetProperty("callback_id").GetString());
        Assert.True(int.TryParse(view.GetProperty("private_metadata").GetString(), out _));
        var inputs = view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input").ToList();
        Assert.Equal(9, inputs.Count);
        Assert.Equal("goal", inputs[0].GetProperty("block_id").GetString());
        Assert.Contains("Sam Ortiz", inputs[0].GetProperty("label").GetProperty("text").GetString());
        Assert.False(inputs[0].TryGetProperty("optional", out _));
        Assert.Contains("Only if you answered", inputs[^1].GetProperty("hint").GetProperty("text").GetString());

        // Required goal left empty: the modal stays open with the engine's words under the goal field.
        var refused = await ana.SendInteractionAsync(SlackPayloads.ViewSubmission("UANA", view, new Dictionary<string, string?> { ["why"] = "they care" }));
        Assert.Equal("errors", refused!.Value.GetProperty("response_action").GetString());
        var errors = refused.Value.GetProperty("errors");
        Assert.Equal(["goal"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("can't skip it", errors.GetProperty("goal").GetString());

        ana.Mark();
        var saved = await ana.SendInteractionAsync(SlackPayloads.ViewSubmission("UANA", view, new Dictionary<string, string?>
        {
            ["goal"] = "come to a house meeting",
            ["ask"] = "host one <in May> & invite neighbours",
        }));
        Assert.Null(saved);
        var done = await ana.Expect("Your prep for Sam Ortiz is saved");
        Assert.Equal(ana.DirectMessage, done.Channel);
        Assert.Contains("Your ask: host one <in May> & invite neighbours", done.AllText);
        Assert.Contains(done.SectionTexts, t => t.Contains("host one &lt;in May&gt; &amp; invite", StringComparison.Ordinal));

        // `--form` opens the modal straight from the slash command, with that command's trigger.
        await ana.Command("list add Lee Chan", "Added Lee Chan");
        var trigger = SlackPayloads.NewTriggerId();
        ana.Mark();
        await ana.SendCommandAsync("plan Lee --form", triggerId: trigger);
        var direct = await slack.WaitForCallAsync("views.open", c => c.Json!.Value.GetProperty("trigger_id").GetString() == trigger);
        Assert.Contains("Lee Chan", direct.Json!.Value.GetProperty("view").GetRawText());
        var beside = await ana.Expect("(1 of up to 9) What do you hope Lee Chan will commit to");
        Assert.Contains("A recruitment 1:1 with Lee Chan", beside.AllText);
    }

    [Fact]
    public async Task A_form_for_a_closed_run_is_not_opened_and_the_DM_says_why()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("UANA", "Ana Garcia");
        await using var bot = await SlackBot.StartAsync(slack, SlackTransport.SocketMode);
        var ana = bot.Person("UANA");
        await ana.Command("list add Sam Ortiz", "Added Sam Ortiz");
        await ana.Command("plan Sam", "(1 of up to 9)");
        await ana.Type("cancel", "Okay, I've closed");

        await ana.Press("Answer in a form", "Those questions are already closed");
        Assert.Empty(slack.Calls("views.open"));
    }
}
