using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Method;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// The card an organizer reads on their phone shortly before a 1:1 (METHOD.md §4, §9): when and where, what this kind
/// of 1:1 is for, who referred the person, the five acts with the moves around the ask, their own prep (what helps in
/// the room), what they noted after earlier 1:1s with the same person, open questions for this kind of meeting, the
/// habits and what a 1:1 is not, and where to read more. Organizer-written text gets the room the rest leaves, so the
/// whole card stays within <see cref="MaxLength"/> characters.
/// </summary>
public static class PocketGuide
{
    /// <summary>
    /// Most characters of text (header and text blocks together) the guide may use: one Discord message holds 2,000,
    /// and the reminder's reference and the platform's formatting need the rest.
    /// </summary>
    public const int MaxLength = 1900;

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

    /// <summary>The five acts (METHOD.md §4), with the moves before and after the ask (§9) where they fall.</summary>
    private static readonly string Acts = "The five acts\n" + TheMeeting.NumberedActs;

    /// <summary>How to be in the room (METHOD.md §4, §9): the qualities that help, and what a 1:1 is not.</summary>
    private static readonly string Habits =
        $"Habits\n• {TheMeeting.Qualities} {TheMeeting.WhatItIsNot}\n• {TheMeeting.Listening}\n• {TheMeeting.WhoElse}";

    /// <summary>Where the whole method is, one command away (the <c>guide</c> command and its topics).</summary>
    public const string MoreOnTheMethod = "More on the method: `guide`";

    private static readonly string Deeper = "Then go deeper: " + TheMeeting.Deeper;

    /// <param name="earlier">The organizer's own reflections on earlier 1:1s with this person, if any.</param>
    /// <param name="referredBy">Who, as the organizer recorded it, pointed them to this person, if anyone.</param>
    public static Reply Build(
        int followUpId,
        Meeting meeting,
        string personName,
        TimeZoneInfo zone,
        DateTimeOffset now,
        IEnumerable<Reflection>? earlier = null,
        string? referredBy = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(zone);

        var card = new Card(
            FollowUpMessages.Clip(personName, MaxName),
            WhenAndWhere(meeting, zone, now) + "\nFocus: " + TheMeeting.Focus(meeting.Kind),
            Introduction(referredBy),
            meeting,
            PrepLines(meeting),
            LastTime(earlier ?? []));

        // Measure the card with none of the organizer's words, then let their words have what room is left.
        var room = Math.Min(MaxOwnWords - card.OwnLines.Sum(l => l.Label.Length + 3), MaxLength - TextLength(card.Write(_ => 0)));
        var wanted = card.OwnLines.Sum(l => l.Wanted);
        var budget = wanted <= room ? 1 : Math.Max(0, room) / (double)wanted;
        return card.Write(line => Math.Max(MinClip, (int)(line.Wanted * budget)))
            .Buttons(FollowUpMessages.StandardRow(followUpId));
    }

    /// <summary>Everything the card says, with the organizer's own words written at the length it is given.</summary>
    private sealed record Card(
        string? Name, string Opening, string? Introduction, Meeting Meeting, IReadOnlyList<OwnLine> Prep, IReadOnlyList<OwnLine> LastTime)
    {
        public IEnumerable<OwnLine> OwnLines => Prep.Concat(LastTime);

        public Reply Write(Func<OwnLine, int> length)
        {
            var reply = new Reply()
                .Header(Name is null ? "Your 1:1 is coming up" : $"Your 1:1 with {Name} is coming up")
                .Text(Opening);
            if (Introduction is not null)
            {
                reply.Text(Introduction);
            }

            reply.Text(Acts).Text(PrepSummary(Meeting, Prep.Select(line => line.Write(length(line))).ToList()));
            if (LastTime.Count > 0)
            {
                reply.Text("Last time you noted\n" + string.Join('\n', LastTime.Select(line => line.Write(length(line)))));
            }

            return reply
                .Text(QuestionsFor(Meeting.Kind))
                .Text(Habits)
                .Text(MoreOnTheMethod);
        }
    }

    /// <summary>Characters of text the card shows, one line break between blocks.</summary>
    private static int TextLength(Reply reply)
    {
        var texts = reply.Blocks
            .Select(b => b switch { HeaderBlock h => h.Text, TextBlock t => t.Text, _ => null })
            .OfType<string>()
            .ToList();
        return texts.Sum(t => t.Length) + texts.Count - 1;
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
            "What kind of role would excite you?",
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
        var parts = new List<string> { TheMeeting.Titled(meeting.Kind) };
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
        var leads = latest.FirstOrDefault(a => a.Field == ReflectionField.LeadsNotFollowed);
        return new[] { aboutThem, differently, leads }
            .OfType<NotedAnswer>()
            .Select(a => new OwnLine(a.Field.Label, a.Text, MaxPrepLine))
            .ToList();
    }

    private static string PrepSummary(Meeting meeting, List<string> lines)
    {
        if (lines.Count == 0)
        {
            lines.Add("No prep saved. Take a minute now: what do you hope they'll agree to, and why would they want to?");
        }

        if (string.IsNullOrWhiteSpace(meeting.Prep?.Ask) && NoAskYet(meeting.Kind) is { } noAsk)
        {
            lines.Add(noAsk);
        }

        return "Your prep\n" + string.Join('\n', lines);
    }

    /// <summary>A first recruitment 1:1 may save its ask (METHOD.md §2); an escalation 1:1 is there for one.</summary>
    private static string? NoAskYet(MeetingKind kind) => kind switch
    {
        MeetingKind.Recruitment => "A first meeting can save the big ask for next time; just agree when you'll meet again.",
        MeetingKind.Escalation => "No ask saved: decide which role you'll invite them into before you go in.",
        _ => null,
    };

    /// <summary>Someone they know opens the door (METHOD.md §9): the referrer can connect you, or be named as you open.</summary>
    private static string? Introduction(string? referredBy) =>
        FollowUpMessages.Clip(referredBy, MaxName) is { } referrer
            ? $"Referred by {referrer}: ask them to introduce you, or name them when you open."
            : null;

    /// <summary>One line of the organizer's own words, clipped to its cap, and shorter still when the card is full.</summary>
    private sealed record OwnLine(string Label, string Text, int Cap)
    {
        public int Wanted => Math.Min(Text.Length, Cap);

        /// <summary>The line with its text clipped to <paramref name="length"/> characters; just the label at 0.</summary>
        public string Write(int length) => length <= 0 ? $"{Label}: " : $"{Label}: {FollowUpMessages.Clip(Text, length)}";
    }

    private static string QuestionsFor(MeetingKind kind) =>
        "Questions to reach for\n" + string.Join('\n', Questions(kind).Select(q => "• " + q)) + "\n" + Deeper;
}
