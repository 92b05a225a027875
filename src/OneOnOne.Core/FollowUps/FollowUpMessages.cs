using System.Globalization;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// The words of every follow-up nudge (METHOD.md §4–§8): a short direct message to the organizer, then buttons.
/// Every nudge ends with the same row (Done, Snooze 1 day, Snooze 1 week, Not needed), except "did you meet",
/// whose answers replace Done, and shows its reference (<c>Reminder #12</c>) above them. Payloads carry ids and
/// command words only, never anything the organizer wrote.
/// </summary>
public static class FollowUpMessages
{
    /// <summary>Longest stretch of organizer-written text (a commitment, a note) quoted in a nudge.</summary>
    internal const int MaxQuoted = 300;

    private const int MaxName = 60;

    public static Reply Compose(FollowUpNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(note.Zone);

        var about = About.Of(note);
        var reply = note.Kind switch
        {
            FollowUpKind.PocketGuide => PocketGuide.Build(
                note.FollowUpId, note.Meeting ?? new Meeting(), about.Named ? about.Whom : string.Empty, note.Zone, note.Now, note.Earlier, note.ReferredBy),
            FollowUpKind.DidYouMeet => DidYouMeet(note, about),
            FollowUpKind.ReflectionPrompt => ReflectionPrompt(note, about),
            FollowUpKind.ThankYou => ThankYou(note, about),
            FollowUpKind.ConfirmCommitment => ConfirmCommitment(note, about),
            FollowUpKind.RevisitMaybe => RevisitMaybe(note, about),
            FollowUpKind.OfferNewDate => OfferNewDate(note, about),
            FollowUpKind.MaintenanceCheckIn => MaintenanceCheckIn(note, about),
            FollowUpKind.BookNextMeeting => BookNextMeeting(note, about),
            FollowUpKind.GoalPace => GoalPace(note),
            FollowUpKind.UncontactedPeople => UncontactedPeople(note),
            _ => new Reply().Text($"A reminder from me: {Labels.Of(note.Kind)}.").Buttons(StandardRow(note.FollowUpId)),
        };
        return WithReference(reply, note.FollowUpId);
    }

    /// <summary>
    /// Every reminder shows its reference just above its buttons, the one <c>status</c> lists and
    /// <c>followup #12 done</c> takes, so it can be answered by name when its buttons are gone or many look alike.
    /// </summary>
    private static Reply WithReference(Reply reply, int followUpId)
    {
        var blocks = reply.Blocks.ToList();
        var buttons = blocks.FindIndex(b => b is ButtonsBlock);
        blocks.Insert(buttons < 0 ? blocks.Count : buttons, new TextBlock($"Reminder {FollowUp.ReferenceOf(followUpId)}"));

        var referenced = new Reply();
        blocks.ForEach(b => referenced.Add(b));
        return referenced;
    }

    /// <summary>The row every nudge ends with: Done, Snooze 1 day, Snooze 1 week, Not needed.</summary>
    public static IReadOnlyList<Button> StandardRow(int followUpId) =>
    [
        Payloads.Command("Done", FollowUpCommand(followUpId, "done")),
        Payloads.Command("Snooze 1 day", FollowUpCommand(followUpId, "snooze-day")),
        Payloads.Command("Snooze 1 week", FollowUpCommand(followUpId, "snooze-week")),
        Payloads.Command("Not needed", FollowUpCommand(followUpId, "dismiss")),
    ];

    /// <summary>The command text a nudge's button runs, e.g. <c>followup 12 done</c>.</summary>
    public static string FollowUpCommand(int followUpId, string action) =>
        string.Create(CultureInfo.InvariantCulture, $"followup {followUpId} {action}");

    private static Reply DidYouMeet(FollowUpNote note, About about)
    {
        var when = note.Meeting?.StartsAt is { } start ? $" ({Zones.Describe(start, note.Zone, note.Now)})" : string.Empty;
        var reply = new Reply()
            .Text($"Did your 1:1 with {about.Whom}{when} happen?")
            .Text("If it did, tap Held and note their answer while it's fresh. If it moved or fell through, "
                + "say so and I'll help you find another time.");

        var buttons = new List<Button>();
        if (about.PersonId is { } personId)
        {
            buttons.Add(Payloads.Command("Held", PersonCommand("met", personId)));
        }

        buttons.Add(Payloads.Command("Moved", FollowUpCommand(note.FollowUpId, "moved")));
        buttons.Add(Payloads.Command("Didn't happen", FollowUpCommand(note.FollowUpId, "missed")));
        buttons.Add(Payloads.Command("Snooze 1 day", FollowUpCommand(note.FollowUpId, "snooze-day")));
        buttons.Add(Payloads.Command("Not needed", FollowUpCommand(note.FollowUpId, "dismiss")));
        return reply.Buttons(buttons);
    }

    private static Reply ReflectionPrompt(FollowUpNote note, About about)
    {
        var reply = new Reply()
            .Text($"How did it go with {about.Whom}? Five quiet minutes now will sharpen your next conversation.")
            .Text("What do you have in common? What do they care about most, and why? "
                + "What went well, and what would you try differently?");

        if (about.PersonId is { } personId)
        {
            reply.Buttons(Payloads.Command("Reflect now", PersonCommand("reflect", personId)));
        }

        return reply.Buttons(StandardRow(note.FollowUpId));
    }

    private static Reply ThankYou(FollowUpNote note, About about)
    {
        var greeting = about.Named ? $"Hi {FirstName(about.Whom)}," : "Hi,";
        var nextStep = note.Meeting is { Answer: AskAnswer.Yes } || !string.IsNullOrWhiteSpace(note.Meeting?.Commitment)
            ? " Looking forward to the next step together."
            : " I hope we get to keep talking.";

        return new Reply()
            .Text($"A quick thank-you to {about.Whom} today shows the conversation mattered to you. "
                + "A short message or a two-minute call is plenty. Something like:")
            .Text($"“{greeting} thanks again for making time to talk. I really enjoyed hearing your story "
                + $"and what matters to you.{nextStep}”")
            .Text("Put it in your own words, and mention one thing they said that stayed with you.")
            .Buttons(StandardRow(note.FollowUpId));
    }

    private static Reply ConfirmCommitment(FollowUpNote note, About about)
    {
        var meeting = note.Meeting;
        var what = Clip(meeting?.Commitment, MaxQuoted) is { } commitment
            ? $"{about.Who} said yes to: “{commitment}”."
            : $"{about.Who} said yes when you met.";
        var due = meeting?.CommitmentDueAt is { } dueAt ? $" It's due {Zones.Describe(dueAt, note.Zone, note.Now)}." : string.Empty;

        return new Reply()
            .Text(what + due)
            .Text("Check in before then: confirm the details (when, where, what to bring), ask whether they need "
                + "anything from you, and thank them again. If plans changed, agree a new date together.")
            .Buttons(StandardRow(note.FollowUpId));
    }

    private static Reply RevisitMaybe(FollowUpNote note, About about)
    {
        var meeting = note.Meeting;
        var reply = new Reply();
        reply.Text(Clip(meeting?.Prep.Ask, MaxQuoted) is { } ask
            ? $"{about.Who} gave you a maybe to “{ask}”."
            : $"{about.Who} gave you a maybe when you met.");

        if (Clip(meeting?.AnswerNote, MaxQuoted) is { } answerNote)
        {
            reply.Text($"Your note: “{answerNote}”");
        }

        reply.Text("Get back in touch and find out what the maybe is about: the timing, the size of the ask, "
            + "or something else. Then shape the ask to fit.");

        reply.Text(Clip(meeting?.Prep.Alternatives, MaxQuoted) is { } alternatives
            ? $"The alternatives you prepared: {alternatives}"
            : "A smaller first step or a different date often turns a maybe into a yes.");

        if (about.PersonId is { } personId)
        {
            reply.Buttons(Payloads.Command("Book a talk", PersonCommand("schedule", personId)));
        }

        return reply.Buttons(StandardRow(note.FollowUpId));
    }

    private static Reply OfferNewDate(FollowUpNote note, About about)
    {
        var meeting = note.Meeting;
        var reply = new Reply();
        if (meeting is { Status: MeetingStatus.Missed })
        {
            reply.Text($"Your 1:1 with {about.Whom} didn't happen. That's normal; plans slip. "
                + "Suggest another time while it's still fresh for you both.");
        }
        else if (meeting is { Answer: AskAnswer.No })
        {
            reply.Text($"{about.Who} said no to the time, not to you or the idea. Offer another one that suits them.");
            if (Clip(meeting.AnswerNote, MaxQuoted) is { } answerNote)
            {
                reply.Text($"Your note: “{answerNote}”");
            }
        }
        else
        {
            reply.Text($"Time to find a new date with {about.Whom}, while the invitation is still fresh.");
        }

        reply.Text("Aim for the next two weeks, and let them pick what works best.");
        return reply
            .Buttons(Payloads.Command("Pick a new time", FollowUpCommand(note.FollowUpId, "moved")))
            .Buttons(StandardRow(note.FollowUpId));
    }

    private static Reply MaintenanceCheckIn(FollowUpNote note, About about)
    {
        var last = (note.Meeting?.HeldAt ?? note.Meeting?.StartsAt) is { } at
            ? $" on {Zones.DescribeDate(at, note.Zone, note.Now)}"
            : string.Empty;

        var reply = new Reply()
            .Text($"It's been a while since your 1:1 with {about.Whom}{last}.")
            .Text("A short check-in keeps the relationship alive: ask how their involvement is going, "
                + "what they enjoy, and what they need from you.")
            .Text(MovingUp.Step(about.Who, about.Named ? about.Whom : null, note.Level, note.Meeting));

        if (about.PersonId is { } personId)
        {
            var checkIn = Payloads.Command("Plan a check-in", PersonCommand("plan", personId) + " maintenance");
            reply.Buttons(note.Level is EngagementLevel.Active
                ? [checkIn, Payloads.Command("Plan an escalation 1:1", PersonCommand("plan", personId) + " escalation")]
                : [checkIn]);
        }

        return reply.Buttons(StandardRow(note.FollowUpId));
    }

    private static Reply BookNextMeeting(FollowUpNote note, About about)
    {
        var reply = new Reply()
            .Text($"Time to book your next conversation with {about.Whom}: you hadn't fixed a date when you last met.")
            .Text("Suggest a time while your last talk is still fresh, ideally face to face and within the next two weeks.");

        if (about.PersonId is { } personId)
        {
            reply.Buttons(Payloads.Command("Book it", PersonCommand("schedule", personId)));
        }

        return reply.Buttons(StandardRow(note.FollowUpId));
    }

    private static Reply GoalPace(FollowUpNote note) =>
        new Reply()
            .Text("You're halfway through your four weeks and a little behind on your 1:1 goal. "
                + "No stress: a couple of conversations this week will put you right back on track.")
            .Text("Type `list` to choose who's next, then send one invitation today.")
            .Buttons(Payloads.Command("Show my list", "list"))
            .Buttons(StandardRow(note.FollowUpId));

    private static Reply UncontactedPeople(FollowUpNote note) =>
        new Reply()
            .Text("Some people on your list are still waiting to hear from you. "
                + "A short, friendly message is all it takes to get started.")
            .Text("Type `list` to see who, and pick one to reach out to today.")
            .Buttons(Payloads.Command("Show my list", "list"))
            .Buttons(StandardRow(note.FollowUpId));

    private static string PersonCommand(string command, int personId) =>
        string.Create(CultureInfo.InvariantCulture, $"{command} #{personId}");

    private static string FirstName(string name)
    {
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) ? name : first;
    }

    /// <summary>
    /// Organizer-written text on one line, trimmed, cut at <paramref name="max"/> characters with an ellipsis;
    /// null when there is nothing to show.
    /// </summary>
    internal static string? Clip(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--;
        }

        return flat[..cut].TrimEnd() + "…";
    }

    /// <summary>How the nudge names the person: by name when known, otherwise "they"/"them".</summary>
    private sealed record About(string Who, string Whom, bool Named, int? PersonId)
    {
        public static About Of(FollowUpNote note)
        {
            var name = Clip(note.PersonName ?? note.Meeting?.Person?.Name, MaxName);
            int? personId = note.PersonId ?? (note.Meeting is { PersonId: > 0 } m ? m.PersonId : null);
            return name is null ? new About("They", "them", false, personId) : new About(name, name, true, personId);
        }
    }
}
