using System.Globalization;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>goal &lt;n&gt; [restart]</c>: how many 1:1s in four weeks. A new number while a window runs changes
/// the goal and keeps the window (and what was held in it); a new window starts when the last one has
/// ended, or when the organizer asks for a fresh one.
/// </summary>
public sealed class GoalCommand(IOneOnOneStore store, MeetingBook meetings, OrganizerNudges nudges) : ICommand
{
    public const int MaxGoal = 200;

    private static readonly string[] RestartWords = ["restart", "fresh", "new"];

    public string Name => "goal";

    public CommandHelp Help { get; } = new(2, "goal [<number>] [restart]",
        "Your number of 1:1s for 4 weeks, and your progress; `restart` starts a fresh four weeks", "goal 8");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var organizer = context.Organizer;
        if (arguments.Length == 0)
        {
            return organizer.Goal is null
                ? Reply.WithText("You haven't set a goal yet. How many 1:1s would you like to hold in the next four weeks? Try `goal 6`.")
                : Reply.WithText(await DescribeAsync(context, ct));
        }

        var (numberText, rest) = CommandLine.Split(arguments);
        var restart = RestartWords.Contains(rest.ToLowerInvariant());
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var goal) || goal < 1 || goal > MaxGoal
            || (rest.Length > 0 && !restart))
        {
            return Reply.WithText($"A goal is a whole number of 1:1s, from 1 to {MaxGoal}, and `restart` if you want a fresh four weeks. " +
                                  "Try `goal 6` or `goal 6 restart`.");
        }

        var previous = organizer.Goal;
        var running = previous is not null && GoalProgress.WindowOf(organizer) is { } window && context.Now < window.End;
        if (running && !restart)
        {
            return await ChangeNumberAsync(context, previous!.Value, goal, ct);
        }

        organizer.Goal = goal;
        organizer.GoalSetAt = context.Now;
        await nudges.PlanGoalPaceAsync(organizer, context.Now, ct);
        await store.SaveChangesAsync(ct);
        var progress = (await ProgressAsync(context, ct))!;
        var opening = restart && running
            ? $"A fresh four weeks: {Counted.OneOnOnes(goal)} from {Window(progress, context)}. The {previous} you aimed for before is set aside."
            : $"Goal set: {Counted.OneOnOnes(goal)} from {Window(progress, context)}. I'll count every 1:1 you mark as held.";
        return Reply.WithText(opening).Text(progress.Describe(context.Now, context.Zone));
    }

    public async Task<string> DescribeAsync(ConversationContext context, CancellationToken ct)
    {
        var progress = await ProgressAsync(context, ct);
        return progress is null ? "none set yet; `goal 6` sets one." : progress.Describe(context.Now, context.Zone);
    }

    public async Task<GoalProgress?> ProgressAsync(ConversationContext context, CancellationToken ct)
    {
        if (context.Organizer.Goal is not { } goal || GoalProgress.WindowOf(context.Organizer) is not { } window)
        {
            return null;
        }

        var held = await meetings.CountHeldAsync(context.Organizer.Id, window.Start, window.End, ct);
        return new GoalProgress(goal, window.Start, window.End, held);
    }

    /// <summary>The window and what was held in it stay; only the number changes, and the pace nudge follows it.</summary>
    private async Task<Reply> ChangeNumberAsync(ConversationContext context, int previous, int goal, CancellationToken ct)
    {
        var organizer = context.Organizer;
        organizer.Goal = goal;
        await nudges.PlanGoalPaceAsync(organizer, context.Now, ct);
        await store.SaveChangesAsync(ct);

        var progress = (await ProgressAsync(context, ct))!;
        var counting = $"still counting from {Window(progress, context)}: {progress.Held} of {goal} so far.";
        var text = previous == goal ? $"Your goal is already {goal}; {counting}" : $"Goal changed from {previous} to {goal}; {counting}";
        return Reply.WithText(text)
            .Buttons(Payloads.Command("Start a fresh four weeks", string.Create(CultureInfo.InvariantCulture, $"goal {goal} restart")));
    }

    private static string Window(GoalProgress progress, ConversationContext context) =>
        $"{Zones.DescribeDate(progress.Start, context.Zone, context.Now)} to {Zones.DescribeDate(progress.End, context.Zone, context.Now)}";
}
