using OneOnOne.Core.Messaging;

using Xunit;

namespace OneOnOne.Testing;

/// <summary>
/// One organizer talking to the bot, in the style of a chat transcript:
/// <c>await maria.Send("plan Sam"); maria.Expect("Preparing");  await maria.Press("Yes");</c>
/// </summary>
public sealed class Conversation(BotHarness harness, Address address, string name)
{
    private int _eventCounter;

    public Address Address { get; } = address;

    /// <summary>Everything the bot said in answer to the last input.</summary>
    public IReadOnlyList<Outbound> Last { get; private set; } = [];

    public string LastText => string.Join('\n', Last.SelectMany(o => o.Blocks).Select(Render));

    public IReadOnlyList<Button> Buttons => Last.SelectMany(o => o.Blocks).OfType<ButtonsBlock>().SelectMany(b => b.Buttons).ToList();

    public IReadOnlyList<FileBlock> Files => Last.SelectMany(o => o.Blocks).OfType<FileBlock>().ToList();

    /// <summary>A message typed in the direct conversation with the bot.</summary>
    public Task<Conversation> Send(string text) => Deliver(new ReplyInput(text));

    /// <summary>A <c>/one-on-one</c> command.</summary>
    public Task<Conversation> Command(string text) => Deliver(new CommandInput(text));

    /// <summary>Presses the button whose label contains <paramref name="label"/>.</summary>
    public Task<Conversation> Press(string label)
    {
        var button = Buttons.FirstOrDefault(b => b.Label.Equals(label, StringComparison.OrdinalIgnoreCase))
                     ?? Buttons.FirstOrDefault(b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase))
                     ?? throw new InvalidOperationException($"No button “{label}” in: {LastText}");
        return Deliver(new ButtonInput(button.Payload));
    }

    public Task<Conversation> Deliver(Input input, string? eventId = null) => DeliverAs(new Inbound(Address, name, input, eventId));

    public async Task<Conversation> DeliverAs(Inbound inbound)
    {
        Last = await harness.HandleAsync(inbound);
        return this;
    }

    public string NextEventId() => $"ev-{Address.User}-{++_eventCounter}";

    /// <summary>Asserts the last answer contains every fragment (case-insensitive).</summary>
    public Conversation Expect(params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.True(LastText.Contains(fragment, StringComparison.OrdinalIgnoreCase),
                $"Expected “{fragment}” in the bot's answer:\n{LastText}");
        }

        return this;
    }

    public Conversation ExpectNot(params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.False(LastText.Contains(fragment, StringComparison.OrdinalIgnoreCase),
                $"Did not expect “{fragment}” in the bot's answer:\n{LastText}");
        }

        return this;
    }

    private static string Render(Block block) => block switch
    {
        HeaderBlock h => h.Text,
        TextBlock t => t.Text,
        FieldsBlock f => string.Join('\n', f.Fields.Select(x => $"{x.Label}: {x.Value}")),
        ButtonsBlock b => string.Join("  ", b.Buttons.Select(x => $"[{x.Label}]")),
        FileBlock file => $"(file {file.FileName})",
        _ => string.Empty,
    };
}
