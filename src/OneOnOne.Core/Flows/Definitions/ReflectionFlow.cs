using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Flows.Definitions;

/// <summary>
/// The reflection after a 1:1 (METHOD.md §6): the relationship, their self-interest, and a look at
/// how the organizer did. Private to the organizer. Referrals become people on their list.
/// </summary>
public sealed class ReflectionFlow(IOneOnOneStore store, PeopleDirectory directory, FollowUpSync followUps) : IFlow
{
    public const string Name = "reflect";

    public FlowDefinition Definition { get; } = new(Name, 1, "Reflecting on your 1:1 with {person}",
    [
        new("common-ground", "What do you and {person} have in common? What could your relationship rest on?", QuestionKind.Text),
        new("cares-about", "What does {person} care about most, and why?", QuestionKind.Text),
        new("excites", "What excites {person}? What role might they love?", QuestionKind.Text),
        new("talents", "Their talents, background and skills: where do they use them?", QuestionKind.Text),
        new("story", "Their story and what drives them, in a few words?", QuestionKind.Text),
        new("referrals", "Who else did {person} suggest you talk to?", QuestionKind.People)
        {
            Hint = "Names separated by commas; I'll add them to your list.",
        },
        new("did-well", "What did you do well?", QuestionKind.Text),
        new("do-differently", "What would you do differently? Did you listen for the stories behind the facts?", QuestionKind.Text),
        new("leads", "Any leads you didn't follow up on? Why not?", QuestionKind.Text),
        new("meet-again", "Would you talk with {person} again?", QuestionKind.YesMaybeNo),
    ])
    { OfferAsForm = true, FormTitle = "Reflect on your 1:1" };

    public async Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken ct)
    {
        var meeting = await store.Meetings.Include(m => m.Person).Include(m => m.Reflections)
            .SingleAsync(m => m.Id == run.MeetingId, ct);
        var person = meeting.Person;
        var reflection = new Reflection
        {
            MeetingId = meeting.Id,
            CommonGround = answers.Get("common-ground"),
            CaresAbout = answers.Get("cares-about"),
            Excites = answers.Get("excites"),
            Talents = answers.Get("talents"),
            Story = answers.Get("story"),
            Referrals = answers.Get("referrals"),
            DidWell = answers.Get("did-well"),
            DoDifferently = answers.Get("do-differently"),
            LeadsNotFollowed = answers.Get("leads"),
            MeetAgain = Enum.TryParse<AskAnswer>(answers.Get("meet-again"), ignoreCase: true, out var again) ? again : null,
            CompletedAt = context.Now,
        };

        // Nothing said is not a reflection: it would mark the 1:1 reflected on and silence the reminder.
        if (!ReflectionField.AnyAnswered(reflection))
        {
            return new FlowOutcome(Reply.WithText("Nothing to save: every question was skipped. " + await NextReminderAsync(context, meeting, ct)));
        }

        meeting.Reflections.Add(reflection);
        var referrals = await directory.AddReferralsAsync(context, person, AnswerParser.SplitPeople(reflection.Referrals), ct);
        await followUps.SyncAsync(meeting, context.Now, ct);

        var reply = new Reply().Text($"Reflection saved. Thank you for taking the time: it's how the next 1:1 with {person.Name} gets better.");
        DescribeReferrals(reply, person, referrals);
        reply.Text($"See everything you've noted with `person {person.Name}`.");
        return new FlowOutcome(reply);
    }

    /// <summary>Says who joined the list, who was already on it (their record kept), and which names need a choice.</summary>
    private static void DescribeReferrals(Reply reply, Person referrer, ReferralsAdded referrals)
    {
        if (referrals.New.Count > 0)
        {
            reply.Text($"New on your list, referred by {referrer.Name}: {string.Join(", ", referrals.New.Select(p => p.Name))}.");
        }

        if (referrals.AlreadyListed.Count > 0)
        {
            var linked = referrals.AlreadyListed.Where(r => r.Linked).Select(r => r.Person.Name).ToList();
            reply.Text($"Already on your list: {string.Join(", ", referrals.AlreadyListed.Select(r => r.Person.Name))}. " +
                       "I kept what you had on them" + (linked.Count == 0 ? "." : $" and noted that {referrer.Name} suggested {Prose.And(linked)}."));
        }

        foreach (var ambiguous in referrals.Ambiguous)
        {
            reply.Text($"{referrer.Name} suggested “{ambiguous.Reference.Name}”, and I didn't add anyone for it.")
                .Append(PersonReplies.Unresolved(ambiguous, "list add", p => $"list add #{p.Id} referred by #{referrer.Id}")!);
        }
    }

    private async Task<string> NextReminderAsync(ConversationContext context, Meeting meeting, CancellationToken ct)
    {
        var next = await store.FollowUps
            .Where(f => f.MeetingId == meeting.Id && f.Kind == FollowUpKind.ReflectionPrompt && f.Status == FollowUpStatus.Pending)
            .OrderBy(f => f.DueAt)
            .Select(f => (DateTimeOffset?)f.DueAt)
            .FirstOrDefaultAsync(ct);
        return next is { } due
            ? $"I'll remind you again on {Zones.Describe(due, context.Zone, context.Now)}, or `reflect {meeting.Person.Name}` whenever you're ready."
            : $"Whenever you're ready: `reflect {meeting.Person.Name}`.";
    }
}
