using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Dialogue;

/// <summary>A small builder for what the bot says back, plus any messages for other places.</summary>
public sealed class Reply
{
    private readonly List<Block> _blocks = [];
    private readonly List<Outbound> _elsewhere = [];

    public IReadOnlyList<Block> Blocks => _blocks;

    public IReadOnlyList<Outbound> Elsewhere => _elsewhere;

    /// <summary>Set when this reply asks a yes/no question, so that a typed yes or no can answer it.</summary>
    public YesNoButtons? YesNo { get; private set; }

    public static Reply WithText(string text) => new Reply().Text(text);

    public Reply Header(string text) => Add(new HeaderBlock(text));

    public Reply Text(string text) => Add(new TextBlock(text));

    public Reply Fields(IEnumerable<Field> fields)
    {
        var list = fields.ToList();
        return list.Count == 0 ? this : Add(new FieldsBlock(list));
    }

    public Reply Buttons(params Button[] buttons) => Buttons((IEnumerable<Button>)buttons);

    public Reply Buttons(IEnumerable<Button> buttons)
    {
        var list = buttons.ToList();
        return list.Count == 0 ? this : Add(new ButtonsBlock(list));
    }

    /// <summary>Asks a yes/no question: shows both buttons, and lets a typed "yes" or "no" press them.</summary>
    public Reply AskYesNo(Button yes, Button no)
    {
        YesNo = new YesNoButtons(yes, no);
        return Buttons(yes, no);
    }

    public Reply File(FileBlock file) => Add(file);

    public Reply Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    public Reply Append(Reply other)
    {
        _blocks.AddRange(other._blocks);
        _elsewhere.AddRange(other._elsewhere);
        YesNo = other.YesNo ?? YesNo;
        return this;
    }

    public Reply Send(Outbound message)
    {
        _elsewhere.Add(message);
        return this;
    }

    public IReadOnlyList<Outbound> ToOutbounds()
    {
        var all = new List<Outbound>();
        if (_blocks.Count > 0)
        {
            all.Add(new Outbound(ToSender.Instance, _blocks.ToList()));
        }

        all.AddRange(_elsewhere);
        return all;
    }
}
