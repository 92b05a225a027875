using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.People;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Flows.Definitions;

/// <summary>
/// <c>schedule &lt;person&gt; tomorrow at the library</c>: the one question left (what time, or which way round a slash
/// date is meant), asked with buttons; the answer books the 1:1 with everything else typed in the first line.
/// </summary>
public sealed class ScheduleFlow(IOneOnOneStore store, PeopleDirectory directory, MeetingScheduler scheduler) : IFlow
{
    public const string Name = "schedule";

    /// <summary>The question the command's unfinished date is kept on.</summary>
    public const string When = "when";

    /// <summary>What else the command said, kept with the answers until the time is known.</summary>
    public const string Place = "place";

    public const string Minutes = "minutes";

    public FlowDefinition Definition { get; } = new(Name, 1, "Your 1:1 with {person}",
    [
        new(When, "When would you like to meet {person}?", QuestionKind.DateTime)
        {
            Required = true,
            MustBeFuture = true,
            Hint = "For example `tue 18:30` or `next friday 9am`.",
        },
    ]);

    /// <summary>The answers a <see cref="FlowStart"/> carries: the place and length typed, and what the date still needs.</summary>
    public static Dictionary<string, string?> Prefilled(PendingWhen pending, string? place, int? minutes) => new()
    {
        [PendingWhen.Key(When)] = pending.ToJson(),
        [Place] = place,
        [Minutes] = minutes?.ToString(CultureInfo.InvariantCulture),
    };

    public async Task<FlowOutcome> CompleteAsync(ConversationContext context, FlowRun run, FlowAnswers answers, CancellationToken ct)
    {
        var person = await store.People.SingleAsync(p => p.Id == run.PersonId, ct);
        var mine = await directory.EnsureMineAsync(context, person, ct);
        var start = AnswerParser.ReadInstant(answers.Get(When))!.Value;
        var minutes = int.TryParse(answers.Get(Minutes), CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        return new FlowOutcome(await scheduler.BookAsync(context, person, mine, start, minutes, answers.Get(Place), ct));
    }
}
