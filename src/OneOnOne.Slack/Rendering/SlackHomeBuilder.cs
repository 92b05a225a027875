using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Slack.Rendering;

/// <summary>
/// The App Home tab: the engine's home page for this person (its <c>status</c> and <c>people</c> answers),
/// drawn as Home blocks, then buttons for the things people do most. Presses are answered in the DM.
/// </summary>
public sealed class SlackHomeBuilder(SlackMessageRenderer renderer)
{
    /// <summary>The commands a Home button runs, as if typed.</summary>
    public static readonly IReadOnlyList<Button> QuickActions =
    [
        Payloads.Command("My list", "list"),
        Payloads.Command("My people", "people"),
        Payloads.Command("Status in DM", "status"),
        Payloads.Command("Team digest", "digest"),
        Payloads.Command("Help", "help"),
    ];

    public SlackView Build(HomeView page)
    {
        var blocks = new List<LayoutBlock>();
        foreach (var part in new[] { page.Status, page.People }.Where(part => part.Count > 0))
        {
            blocks.AddRange(renderer.RenderBlocks(part));
            blocks.Add(new DividerLayout());
        }

        var tail = new List<LayoutBlock>
        {
            new ContextLayout([TextObject.Markdown("Type `/one-on-one help` anywhere, or write to me in the Messages tab. The buttons answer there too.")]),
        };
        tail.AddRange(renderer.RenderBlocks([new ButtonsBlock(QuickActions)]));

        // Keep the buttons even when the summary is long: cut the summary, not the way to act.
        var room = BlockKitLimits.ViewBlocks - tail.Count;
        if (blocks.Count > room)
        {
            blocks = blocks.Take(room - 1).ToList();
            blocks.Add(new ContextLayout([TextObject.Markdown("There's more than fits here: press *Status in DM* for all of it.")]));
        }

        return SlackView.Home([.. blocks, .. tail]);
    }
}
