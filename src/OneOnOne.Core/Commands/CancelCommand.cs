using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>cancel</c> leaves the flow in progress; <c>cancel &lt;person&gt;</c> calls off a scheduled 1:1
/// and the reminders that came with it.
/// </summary>
public sealed class CancelCommand(IOneOnOneStore store, FlowRunner runner, PersonResolver resolver, MeetingBook meetings, FollowUpSync followUps)
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

        meeting.Status = MeetingStatus.Cancelled;
        meeting.UpdatedAt = context.Now;
        await followUps.SyncAsync(meeting, context.Now, ct);
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"Called off your 1:1 with {person.Name}, and its reminders. " +
                              $"When you find a new time: `schedule {person.Name} <when>`.");
    }
}
