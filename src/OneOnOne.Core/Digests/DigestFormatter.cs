using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Digests;

/// <summary>Renders a <see cref="TeamDigest"/> as a neutral message.</summary>
public static class DigestFormatter
{
    private static readonly EngagementLevel[] TopDown =
        [EngagementLevel.Core, EngagementLevel.Active, EngagementLevel.Contributor, EngagementLevel.Follower];

    public static Reply Format(TeamDigest digest, TimeZoneInfo zone)
    {
        // The week ends now, so a digest for the first days of January shows both years.
        var period = $"{Zones.DescribeDate(digest.From, zone, digest.To)} to {Zones.DescribeDate(digest.To, zone, digest.To)}";
        var reply = new Reply().Header($"Team digest, {period}");

        reply.Text($"1:1s held this week: {digest.HeldThisWeek}");
        reply.Fields(digest.Organizers.Select(o => new Field(o.Paused ? $"{o.Name} (paused)" : o.Name,
            $"{o.HeldThisWeek} this week · " +
            (o.Goal is { } goal ? $"{o.HeldInWindow} of {goal} toward their 4-week goal" : "no goal running"))));

        reply.Text(digest.AsksAnswered == 0
            ? "Asks answered: none recorded this week."
            : $"Asks answered: {digest.AsksAnswered} ({Count(digest.Answers, AskAnswer.Yes)} yes, " +
              $"{Count(digest.Answers, AskAnswer.Maybe)} maybe, {Count(digest.Answers, AskAnswer.No)} no)");

        reply.Text(digest.MovedUp == 0
            ? "Moved up the pyramid: nobody this week."
            : $"Moved up the pyramid: {digest.MovedUp} (" +
              string.Join(", ", TopDown.Where(digest.MovedUpTo.ContainsKey).Select(l => $"{digest.MovedUpTo[l]} to {Labels.Of(l)}")) + ")");

        reply.Text("Team pyramid: " + string.Join(" · ", TopDown.Select(l => $"{Labels.Of(l)} {Count(digest.Pyramid, l)}")) +
                   $" · not placed yet {digest.NotPlaced}");
        reply.Text($"New people from referrals: {digest.NewFromReferrals}");
        reply.Text($"Commitments due in the coming week: {digest.CommitmentsDueSoon}" +
                   (digest.CommitmentsOverdue > 0 ? $" ({digest.CommitmentsOverdue} past due)" : string.Empty));
        if (digest.DroppedNudges > 0)
        {
            reply.Text($"Reminders skipped because they came too late to help: {digest.DroppedNudges}");
        }

        return reply;
    }

    private static int Count<TKey>(IReadOnlyDictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts.GetValueOrDefault(key);
}
