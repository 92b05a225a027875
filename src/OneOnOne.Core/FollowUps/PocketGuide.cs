using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// The card an organizer reads on their phone shortly before a 1:1 (METHOD.md §4): when and where, the five acts,
/// their own prep (what helps in the room), what they noted after earlier 1:1s with the same person, a few habits
/// and a handful of open questions for this kind of meeting. Organizer-written text is clipped so the whole card
/// stays within <see cref="MaxLength"/> characters.
/// </summary>
public static class PocketGuide
{
    /// <summary>Most characters of text (header and text blocks together) the guide may use.</summary>
    public const int MaxLength = 1800;

    private const int MaxName = 60;
    private const int MaxPlace = 60;
    private const int MaxPrepLine = 120;
    private const int MaxAsk = 180;

    /// <summary>Characters the organizer's own words (prep and earlier notes, labels included) may take together.</summary>
    private const int MaxOwnWords = 680;

    /// <summary>However full the card, a line keeps at least this much of its text.</summary>
    private const int MinClip = 24;

    /// <summary>The prep that helps in the room, in the order it is useful there.</summary>
    private static readonly PrepField[] InTheRoom =
        [PrepField.Goal, PrepField.TheirInterest, PrepField.MyStory, PrepField.Ask, PrepField.Alternatives];

    /// <summary>What is worth remembering from last time: what they care about (or else what drives them), and what to change.</summary>
    private static readonly ReflectionField[] AboutThem =
        [ReflectionField.CaresAbout, ReflectionField.Excites, ReflectionField.Story, ReflectionField.CommonGround];

    private const string Acts =
        "The five acts\n"
        + "1. Attention: say plainly why you asked to meet, and get acquainted.\n"
        + "2. Interest: name what you hope to talk about together.\n"
        + "3. Exploration: most of your time. Ask open questions, follow their stories, share yours.\n"
        + "4. Exchange: offer information, support, an idea or a contact, and welcome theirs.\n"
        + "5. Commitment: one clear, specific ask. At the least, a date to meet again.";

    private const string Habits =
        "Habits\n"
        + "• Listen twice as much as you talk, and let them finish.\n"
        + "• Phone away and on silent.\n"
        + "• Before you part, ask who else you should talk to.";

    private const string Deeper = "Then go deeper: Why? What was that like? Tell me more.";

    /// <param name="earlier">The organizer's own reflections on earlier 1:1s with this person, if any.</param>
    public static Reply Build(
        int followUpId, Meeting meeting, string personName, TimeZoneInfo zone, DateTimeOffset now, IEnumerable<Reflection>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(zone);

        var name = FollowUpMessages.Clip(personName, MaxName);
        var reply = new Reply()
            .Header(name is null ? "Your 1:1 is coming up" : $"Your 1:1 with {name} is coming up")
            .Text(WhenAndWhere(meeting, zone, now))
            .Text(Acts);
        var lastTime = LastTime(earlier ?? []);
        var prep = PrepLines(meeting);
        var budget = Budget(prep.Concat(lastTime).ToList());
        reply.Text(PrepSummary(meeting, prep, budget));
        if (lastTime.Count > 0)
        {
            reply.Text("Last time you noted\n" + string.Join('\n', lastTime.Select(line => line.Write(budget))));
        }

        return reply
            .Text(QuestionsFor(meeting.Kind))
            .Text(Habits)
            .Buttons(FollowUpMessages.StandardRow(followUpId));
    }

    /// <summary>The open questions suggested for a kind of 1:1, without bullets.</summary>
    public static IReadOnlyList<string> Questions(MeetingKind kind) => kind switch
    {
        MeetingKind.Maintenance =>
        [
            "How is being involved going for you lately?",
            "What has felt most worthwhile? What has been frustrating?",
            "What do you need from me or the team right now?",
            "What would you like to do more of, or less of?",
        ],
        MeetingKind.Escalation =>
        [
            "What would you like to take on next?",
            "What has held you back from stepping up so far?",
            "Which of your skills haven't we made use of yet?",
            "What support would make a bigger role feel doable?",
        ],
        _ =>
        [
            "What first drew you to this work?",
            "Why do you keep at it, even when it gets hard?",
            "How long have you been part of this community? What has changed?",
            "What problems do the people around you face most?",
            "If one thing could change here, what would it be?",
        ],
    };

    private static string WhenAndWhere(Meeting meeting, TimeZoneInfo zone, DateTimeOffset now)
    {
        var parts = new List<string> { $"A {Labels.Of(meeting.Kind)} 1:1" };
        if (meeting.StartsAt is { } start)
        {
            parts.Add(Zones.Describe(start, zone, now));
        }

        if (meeting.DurationMinutes > 0)
        {
            parts.Add($"{meeting.DurationMinutes} min");
        }

        if (FollowUpMessages.Clip(meeting.Place, MaxPlace) is { } place)
        {
            parts.Add(place);
        }

        return string.Join(" · ", parts);
    }

    private static List<OwnLine> PrepLines(Meeting meeting)
    {
        var prep = meeting.Prep ?? new Prep();
        return InTheRoom
            .Where(f => !string.IsNullOrWhiteSpace(f.Read(prep)))
            .Select(f => new OwnLine(f.Label, f.Read(prep)!, f == PrepField.Ask ? MaxAsk : MaxPrepLine))
            .ToList();
    }

    private static List<OwnLine> LastTime(IEnumerable<Reflection> earlier)
    {
        var latest = NotedAnswer.Latest(earlier);
        var aboutThem = AboutThem.Select(f => latest.FirstOrDefault(a => a.Field == f)).FirstOrDefault(a => a is not null);
        var differently = latest.FirstOrDefault(a => a.Field == ReflectionField.DoDifferently);
        return new[] { aboutThem, differently }
            .OfType<NotedAnswer>()
            .Select(a => new OwnLine(a.Field.Label, a.Text, MaxPrepLine))
            .ToList();
    }

    /// <summary>
    /// How many characters each line's text may take: its own cap, unless together they would pass
    /// <see cref="MaxOwnWords"/>; then the long ones share what is left.
    /// </summary>
    private static double Budget(IReadOnlyList<OwnLine> lines)
    {
        var labels = lines.Sum(l => l.Label.Length + 3);
        var wanted = lines.Sum(l => l.Wanted);
        return labels + wanted <= MaxOwnWords ? 1 : (double)(MaxOwnWords - labels) / wanted;
    }

    private static string PrepSummary(Meeting meeting, IReadOnlyList<OwnLine> prep, double budget)
    {
        var lines = prep.Select(line => line.Write(budget)).ToList();
        if (lines.Count == 0)
        {
            lines.Add("No prep saved. Take a minute now: what do you hope they'll agree to, and why would they want to?");
        }

        if (string.IsNullOrWhiteSpace(meeting.Prep?.Ask) && meeting.Kind == MeetingKind.Recruitment)
        {
            lines.Add("A first meeting can save the big ask for next time; just agree when you'll meet again.");
        }

        return "Your prep\n" + string.Join('\n', lines);
    }

    /// <summary>One line of the organizer's own words, clipped to its cap, and shorter still when the card is full.</summary>
    private sealed record OwnLine(string Label, string Text, int Cap)
    {
        public int Wanted => Math.Min(Text.Length, Cap);

        public string Write(double budget) => $"{Label}: {FollowUpMessages.Clip(Text, Math.Max(MinClip, (int)(Wanted * budget)))}";
    }

    private static string QuestionsFor(MeetingKind kind) =>
        "Questions to reach for\n" + string.Join('\n', Questions(kind).Select(q => "• " + q)) + "\n" + Deeper;
}
