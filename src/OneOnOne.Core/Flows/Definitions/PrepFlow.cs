using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Flows.Definitions;

/// <summary>Preparing a 1:1 (METHOD.md §2): the organizer's goal, the other person's interests, and the ask.</summary>
public sealed class PrepFlow(IOneOnOneStore store) : IFlow
{
    public const string Name = "prep";

    public FlowDefinition Definition { get; } = new(Name, 1, "Preparing your 1:1 with {person}",
    [
        new("goal", "What do you hope {person} will commit to by the end? Be specific.", QuestionKind.Text)
        {
            Required = true,
            Hint = "For example: “come to the tenants' meeting on the 12th and bring a neighbour”.",
        },
        new("why", "Why might {person} want to do that?", QuestionKind.Text),
        new("interest", "What might matter most to {person}? Their number-one interest?", QuestionKind.Text),
        new("known", "What do you already know about {person}, and what do you hope to find out?", QuestionKind.Text),
        new("story", "What do you want {person} to learn about you? Why did you get involved?", QuestionKind.Text),
        new("connection", "How do you know {person}? I'll use it in the invitation.", QuestionKind.Text)
        {
            Hint = "For example: “we met at the kickoff” or “Sam suggested I reach out”.",
        },
        new("purpose", "In a sentence for {person}: why would you like to meet? I'll put it in the invitation.", QuestionKind.Text)
        {
            Hint = "For example: “hear what matters to you about the neighbourhood” or “talk about a new role”.",
        },
        new("ask", "What exactly will you ask {person} to do?", QuestionKind.Text)
        {
            Hint = "Make it specific, what and by when, e.g. “lead the Saturday shift in January”.",
        },
        new("alternatives", "If they say no or maybe, what could you offer instead?", QuestionKind.Text)
        {
            ShownIf = new ShowIf("ask"),
        },
    ])
    { OfferAsForm = true, FormTitle = "Prepare your 1:1" };

    public async Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken ct)
    {
        var meeting = await store.Meetings.Include(m => m.Person).SingleAsync(m => m.Id == run.MeetingId, ct);
        var prep = meeting.Prep;
        prep.Goal = answers.Get("goal");
        prep.WhyThem = answers.Get("why");
        prep.TheirInterest = answers.Get("interest");
        prep.KnownAndHoped = answers.Get("known");
        prep.MyStory = answers.Get("story");
        prep.Connection = answers.Get("connection") ?? prep.Connection;
        prep.InvitationPurpose = answers.Get("purpose");
        prep.Ask = answers.Get("ask");
        prep.Alternatives = answers.Get("alternatives");
        prep.CompletedAt = context.Now;
        meeting.UpdatedAt = context.Now;

        var name = meeting.Person.Name;
        var reply = new Reply().Text($"Your prep for {name} is saved. You'll find it in `person {name}` and in the pocket guide before you meet.");
        reply.Text(prep.Ask is null
            ? NoAskYet(meeting.Kind, name)
            : $"Your ask: {prep.Ask}" + (prep.Alternatives is null ? string.Empty : $"\nIf not: {prep.Alternatives}"));
        if (meeting.Status == MeetingStatus.Planned)
        {
            reply.Text($"Next, pick a time within the next two weeks: `schedule {name} tomorrow 6pm at the library for 45`.");
        }

        return new FlowOutcome(reply);
    }

    /// <summary>
    /// How the organizer knows the person may already be on record from <c>list add … met at … referred by …</c>:
    /// where they met is the prefilled connection (<c>skip</c> keeps it), and a referrer goes into the invitation
    /// on its own, so both are said rather than asked for again.
    /// </summary>
    public async Task<string?> AlreadyKnownAsync(FlowRun run, Question question, CancellationToken ct)
    {
        if (question.Id != "connection" || run.MeetingId is not { } meetingId)
        {
            return null;
        }

        var known = await store.Meetings
            .Where(m => m.Id == meetingId)
            .Select(m => new
            {
                m.Prep.Connection,
                Referrer = store.Relationships
                    .Where(r => r.OrganizerId == m.OrganizerId && r.PersonId == m.PersonId)
                    .Select(r => r.ReferredBy!.Name)
                    .FirstOrDefault(),
            })
            .SingleAsync(ct);
        string?[] parts =
        [
            string.IsNullOrWhiteSpace(known.Connection) ? null : $"“{known.Connection}”",
            known.Referrer is null ? null : $"{known.Referrer} referred them (the invitation will say so)",
        ];
        var said = parts.OfType<string>().ToList();
        return said.Count == 0 ? null : string.Join("; ", said);
    }

    /// <summary>
    /// A first recruitment 1:1 may save the ask (METHOD.md §2); a maintenance 1:1 still ends with a next step, and an
    /// escalation 1:1 exists for its ask.
    /// </summary>
    private static string NoAskYet(MeetingKind kind, string name) => kind switch
    {
        MeetingKind.Recruitment =>
            "No ask yet: that's fine for a first meeting. Listen for what they care about, and end by agreeing to meet again.",
        MeetingKind.Maintenance =>
            "No ask yet: listen for a small next step that fits what they care about, and agree when you'll talk again.",
        _ =>
            $"No ask yet, but an escalation 1:1 is there to invite {name} into a new role: decide what you'll ask before you meet (`plan {name}` again to add it).",
    };
}
