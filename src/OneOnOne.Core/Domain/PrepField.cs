namespace OneOnOne.Core.Domain;

/// <summary>
/// One prep answer (METHOD.md §2) as it is shown back: its label on the person card and the pocket guide, and
/// its column in the export. One list, so a new prep question shows up everywhere at once.
/// </summary>
public sealed record PrepField(string Label, string Column, Func<Prep, string?> Read)
{
    public static readonly PrepField Goal = new("Your goal", "Prep: goal", p => p.Goal);

    public static readonly PrepField WhyThem = new("Why they'd want to", "Prep: why them", p => p.WhyThem);

    public static readonly PrepField TheirInterest = new("What may matter most to them", "Prep: their interest", p => p.TheirInterest);

    public static readonly PrepField KnownAndHoped = new("What you know, and hope to find out", "Prep: known and hoped", p => p.KnownAndHoped);

    public static readonly PrepField MyStory = new("Your story", "Prep: your story", p => p.MyStory);

    public static readonly PrepField Connection = new("How you know them", "Prep: connection", p => p.Connection);

    public static readonly PrepField InvitationPurpose = new("Why you'd like to meet", "Prep: invitation purpose", p => p.InvitationPurpose);

    public static readonly PrepField Ask = new("Your ask", "Ask", p => p.Ask);

    public static readonly PrepField Alternatives = new("If it's a no or a maybe", "Prep: alternatives", p => p.Alternatives);

    /// <summary>In the order the prep asks them.</summary>
    public static readonly IReadOnlyList<PrepField> All =
        [Goal, WhyThem, TheirInterest, KnownAndHoped, MyStory, Connection, InvitationPurpose, Ask, Alternatives];
}
