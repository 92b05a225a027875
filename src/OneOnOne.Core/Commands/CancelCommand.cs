using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>cancel</c> leaves the flow in progress; <c>cancel &lt;person&gt;</c> calls off a scheduled 1:1
/// and the reminders that came with it.
/// </summary>
public sealed class CancelCommand(FlowRunner runner, PersonResolver resolver, MeetingBook meetings, MeetingTransitions transitions)
    : ICommand
{
    public string Name => "cancel";

    public CommandHelp Help { get; } = new(12, "cancel [<person>]", "Leave the questions in progress, or call off a scheduled 1:1", "cancel");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        if (arguments.Length == 0)
        {
            return await runner.CancelAsync(context, ct);
        }

        var lookup = await resolver.FindAsync(context, arguments, ct);
        if (PersonReplies.Unresolved(lookup, Name, notFound: PersonReplies.NothingRecorded("call off")) is { } problem)
        {
            return problem;
        }

        var (person, _) = (PersonLookup.Found)lookup;
        var meeting = await meetings.FindOpenAsync(context, person.Id, ct);
        if (meeting is null)
        {
            return Reply.WithText($"You have no 1:1 with {person.Name} planned or scheduled, so there's nothing to call off.");
        }

        var update = await transitions.CallOffAsync(meeting, context.Now, ct);
        var when = update.Change.PreviousStart is { } start ? $" ({Zones.Describe(start, context.Zone, context.Now)})" : string.Empty;
        var reminders = update.Reminders.ToCancel.Count switch
        {
            0 => string.Empty,
            1 => " and its reminder",
            var n => $" and its {n} reminders",
        };
        return Reply.WithText($"Called off your 1:1 with {person.Name}{when}{reminders}. " +
                              $"When you find a new time: `schedule {person.Name} <when>`.");
    }
}
