using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// "Shall I pause them for a while?", asked once after several reminders went unanswered. What falls due
/// meanwhile is held (<see cref="DeliveryDecision.Hold"/>) until the organizer answers, with these buttons or anything else.
/// </summary>
public static class PauseQuestion
{
    public static Reply Ask() =>
        Reply.WithText("I've sent you a few reminders without hearing back, and that's okay: organizing comes in waves. " +
                       "Shall I pause them for a while? I'll hold any new ones until you answer.")
            .Buttons(Choices(keepThemComing: true));

    /// <summary>The answers: pause a week or two, keep them coming, or turn them off.</summary>
    public static IReadOnlyList<Button> Choices(bool keepThemComing)
    {
        var choices = new List<Button>
        {
            Payloads.Command("Pause 1 week", "pause for 7 days"),
            Payloads.Command("Pause 2 weeks", "pause for 14 days"),
        };
        if (keepThemComing)
        {
            choices.Add(Payloads.Command("Keep them coming", "nudges on"));
        }

        choices.Add(Payloads.Command("Turn them off", "nudges off"));
        return choices;
    }
}
