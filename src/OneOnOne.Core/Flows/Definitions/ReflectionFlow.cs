using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

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
    ]);

    public async Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken ct)
    {
        var meeting = await store.Meetings.Include(m => m.Person).Include(m => m.Reflections)
            .SingleAsync(m => m.Id == run.MeetingId, ct);
        var reflection = new Reflection { MeetingId = meeting.Id };
        meeting.Reflections.Add(reflection);
        reflection.CommonGround = answers.Get("common-ground");
        reflection.CaresAbout = answers.Get("cares-about");
        reflection.Excites = answers.Get("excites");
        reflection.Talents = answers.Get("talents");
        reflection.Story = answers.Get("story");
        reflection.Referrals = answers.Get("referrals");
        reflection.DidWell = answers.Get("did-well");
        reflection.DoDifferently = answers.Get("do-differently");
        reflection.LeadsNotFollowed = answers.Get("leads");
        reflection.MeetAgain = Enum.TryParse<AskAnswer>(answers.Get("meet-again"), ignoreCase: true, out var again) ? again : null;
        reflection.CompletedAt = context.Now;

        var added = new List<string>();
        foreach (var name in AnswerParser.SplitPeople(reflection.Referrals))
        {
            var person = await directory.AddAsync(context, PersonReference.Parse(name), null, null, meeting.Person, ct);
            added.Add(person.Person.Name);
        }

        await followUps.SyncAsync(meeting, context.Now, ct);
        var personName = meeting.Person.Name;
        var reply = new Reply().Text($"Reflection saved. Thank you for taking the time: it's how the next 1:1 with {personName} gets better.");
        if (added.Count > 0)
        {
            reply.Text($"Added to your list, referred by {personName}: {string.Join(", ", added)}.");
        }

        reply.Text($"See everything about {personName} with `person {personName}`.");
        return new FlowOutcome(reply);
    }
}
