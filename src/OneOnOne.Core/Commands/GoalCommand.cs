using System.Globalization;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.Commands;

/// <summary><c>goal &lt;n&gt;</c>: how many 1:1s in the next four weeks.</summary>
public sealed class GoalCommand(IOneOnOneStore store, MeetingBook meetings, OrganizerNudges nudges) : ICommand
{
    public const int MaxGoal = 200;

    public string Name => "goal";

    public CommandHelp Help { get; } = new(2, "goal [<number>]", "Your number of 1:1s for the next 4 weeks, and your progress", "goal 8");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var organizer = context.Organizer;
        if (arguments.Length == 0)
        {
            return organizer.Goal is null
                ? Reply.WithText("You haven't set a goal yet. How many 1:1s would you like to hold in the next four weeks? Try `goal 6`.")
                : Reply.WithText(await DescribeAsync(context, ct));
        }

        if (!int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var goal) || goal < 1 || goal > MaxGoal)
        {
            return Reply.WithText($"A goal is a whole number of 1:1s, from 1 to {MaxGoal}. Try `goal 6`.");
        }

        organizer.Goal = goal;
        organizer.GoalSetAt = context.Now;
        await nudges.PlanGoalPaceAsync(organizer, context.Now, ct);
        await store.SaveChangesAsync(ct);
        var end = Time.Zones.DescribeDate(context.Now + GoalProgress.Window, context.Zone);
        return Reply.WithText($"Goal set: {Counted.OneOnOnes(goal)} by {end}. I'll count every 1:1 you mark as held.")
            .Text(await DescribeAsync(context, ct));
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
}
