using OneOnOne.Core.Engine;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;

namespace OneOnOne.Core.Commands;

/// <summary><c>reflect [&lt;person&gt;]</c>: the reflection for the latest 1:1 that doesn't have one yet.</summary>
public sealed class ReflectCommand(PersonResolver resolver, MeetingBook meetings, FlowRunner runner) : ICommand
{
    public string Name => "reflect";

    public CommandHelp Help { get; } = new(6, "reflect [<person>]", "Reflect on a 1:1 you held; referrals join your list", "reflect Maria");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        int? personId = null;
        if (arguments.Length > 0)
        {
            var lookup = await resolver.FindAsync(context, arguments, ct);
            if (PersonReplies.Unresolved(lookup, Name, notFound: PersonReplies.NothingRecorded("reflect on")) is { } problem)
            {
                return problem;
            }

            personId = ((PersonLookup.Found)lookup).Person.Id;
        }

        var meeting = await meetings.FindLastHeldAsync(context, personId, withoutReflection: true, ct);
        if (meeting is null)
        {
            var reflected = await meetings.FindLastHeldAsync(context, personId, withoutReflection: false, ct);
            return Reply.WithText(reflected is null
                ? "I don't have a held 1:1 to reflect on yet. After you meet someone, tell me with `met <name>`."
                : $"You've already reflected on your last 1:1 with {reflected.Person.Name}. See it with `person {reflected.Person.Name}`.");
        }

        return await runner.StartAsync(context, new FlowStart(ReflectionFlow.Name, meeting.PersonId, meeting.Id), ct);
    }
}
