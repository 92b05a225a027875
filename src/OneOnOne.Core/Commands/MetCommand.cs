using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary><c>met &lt;person&gt;</c>: marks the 1:1 held, records the ask's answer, then reflects.</summary>
public sealed class MetCommand(
    PersonResolver resolver, PeopleDirectory directory, MeetingBook meetings, MeetingTransitions transitions, FlowRunner runner)
    : ICommand
{
    public string Name => "met";

    public CommandHelp Help { get; } = new(5, "met <person>", "Mark a 1:1 as held: their answer, commitment and level, then a reflection", "met Maria");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var lookup = await resolver.FindAsync(context, arguments, ct);
        if (PersonReplies.Unresolved(lookup, Name) is { } problem)
        {
            return problem;
        }

        // Checked before anything changes: the meeting is not marked held unless its questions can follow.
        if (await runner.RefuseIfBusyAsync(context, ct) is { } busy)
        {
            return busy;
        }

        var (person, mine) = (PersonLookup.Found)lookup;
        mine ??= await directory.EnsureMineAsync(context, person, ct);

        // A 1:1 that happened without being scheduled here still counts: record it as held now.
        var meeting = await meetings.FindOpenAsync(context, person.Id, ct)
            ?? meetings.Create(context, person, await meetings.DefaultKindAsync(context, person.Id, ct));
        var update = await transitions.MarkHeldAsync(meeting, context.Now, ct);

        // Said plainly, so that leaving the questions below later is never mistaken for undoing this.
        var intro = Reply.WithText($"Great, you met {person.Name}! I've marked your 1:1 with {person.Name} " +
                                   $"({Zones.Describe(meeting.HeldAt!.Value, context.Zone, context.Now)}) as held.");
        if (update.NewReminders.Any())
        {
            intro.Text($"I'll remind you to {FollowUpTitle.List(update.NewReminders, person.Name)}.");
        }

        intro.Text("A few quick questions while it's fresh.");
        return intro.Append(await runner.StartAsync(context, new FlowStart(OutcomeFlow.Name, person.Id, meeting.Id), ct));
    }
}
