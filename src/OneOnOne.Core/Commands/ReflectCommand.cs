using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Flows;
using OneOnOne.Core.Flows.Definitions;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>reflect [&lt;person&gt;]</c>: the reflection for the latest 1:1 that doesn't have one yet. Named, a person whose
/// last 1:1 is already reflected on gets another reflection on it: reflections add up, none is replaced.
/// </summary>
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
        if (meeting is not null)
        {
            return await runner.StartAsync(context, new FlowStart(ReflectionFlow.Name, meeting.PersonId, meeting.Id), ct);
        }

        var reflected = await meetings.FindLastHeldAsync(context, personId, withoutReflection: false, ct);
        if (reflected is null)
        {
            return Reply.WithText("I don't have a held 1:1 to reflect on yet. After you meet someone, tell me with `met <name>`.");
        }

        if (personId is null)
        {
            return Reply.WithText("You've reflected on all your 1:1s. To add to one, name the person: " +
                                  $"`reflect {reflected.Person.Name}`.");
        }

        if (await runner.RefuseIfBusyAsync(context, ct) is { } busy)
        {
            return busy;
        }

        var held = reflected.HeldAt ?? reflected.StartsAt;
        var intro = Reply.WithText($"You've already reflected on your 1:1 with {reflected.Person.Name}" +
                                   (held is { } at ? $" of {Zones.DescribeDate(at, context.Zone, context.Now)}" : string.Empty) +
                                   ". This adds another reflection; your earlier answers stay " +
                                   $"(`person {reflected.Person.Name} history` shows them all).");
        return intro.Append(await runner.StartAsync(context, new FlowStart(ReflectionFlow.Name, reflected.PersonId, reflected.Id), ct));
    }
}
