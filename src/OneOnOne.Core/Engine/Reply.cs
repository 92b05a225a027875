using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Engine;

/// <summary>A small builder for what the bot says back, plus any messages for other places.</summary>
public sealed class Reply
{
    private readonly List<Block> _blocks = [];
    private readonly List<Outbound> _elsewhere = [];

    public IReadOnlyList<Block> Blocks => _blocks;

    public IReadOnlyList<Outbound> Elsewhere => _elsewhere;

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
