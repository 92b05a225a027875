namespace OneOnOne.Core.Domain;

/// <summary>
/// One reflection answer (METHOD.md §6) as it is shown back: its label on the person card and in the history,
/// and its column in the export. <see cref="AboutYou"/> marks the self-evaluation, which is about the organizer.
/// </summary>
public sealed record ReflectionField(string Label, string Column, bool AboutYou, Func<Reflection, string?> Read)
{
    public static readonly ReflectionField CommonGround = new("Common ground", "Reflection: common ground", false, r => r.CommonGround);

    public static readonly ReflectionField CaresAbout = new("Cares about", "Reflection: cares about", false, r => r.CaresAbout);

    public static readonly ReflectionField Excites = new("Excited by", "Reflection: excited by", false, r => r.Excites);

    public static readonly ReflectionField Talents = new("Talents", "Reflection: talents", false, r => r.Talents);

    public static readonly ReflectionField Story = new("Their story", "Reflection: their story", false, r => r.Story);

    /// <summary>Who they suggested, as typed; the people it added are on the organizer's list.</summary>
    public static readonly ReflectionField Referrals = new("Suggested you talk to", "Reflection: referrals", false,
        r => r.Referrals is null ? null : string.Join(", ", r.Referrals.Split('\n', StringSplitOptions.RemoveEmptyEntries)));

    public static readonly ReflectionField MeetAgain = new("Would meet again", "Reflection: meet again", false,
        r => r.MeetAgain is { } again ? Labels.Of(again) : null);

    public static readonly ReflectionField DidWell = new("You did well", "Reflection: did well", true, r => r.DidWell);

    public static readonly ReflectionField DoDifferently = new("You'd do differently", "Reflection: do differently", true, r => r.DoDifferently);

    public static readonly ReflectionField LeadsNotFollowed = new("Leads not followed", "Reflection: leads not followed", true, r => r.LeadsNotFollowed);

    /// <summary>In the order the reflection asks them, the organizer's self-evaluation last.</summary>
    public static readonly IReadOnlyList<ReflectionField> All =
        [CommonGround, CaresAbout, Excites, Talents, Story, Referrals, MeetAgain, DidWell, DoDifferently, LeadsNotFollowed];

    /// <summary>Whether the organizer answered anything at all: a reflection with every question skipped says nothing.</summary>
    public static bool AnyAnswered(Reflection reflection) => All.Any(f => f.Read(reflection) is not null);
}
