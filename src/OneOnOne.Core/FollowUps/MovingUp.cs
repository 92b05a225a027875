using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// One concrete step up the pyramid for a maintenance check-in (METHOD.md §8 and §9: invite them to something tied
/// to what they care about and introduce them there, give a small task, debrief afterwards; an escalation 1:1 for a
/// new role). Fitted to the person's level and to what the organizer noted about them. The words go only to the
/// organizer's own direct message, never into a button.
/// </summary>
internal static class MovingUp
{
    /// <summary>Longest stretch of a note quoted in the step, so it stays a sentence or two.</summary>
    private const int MaxNote = 120;

    /// <param name="who">The person as a sentence starts with them: their name, or "They".</param>
    /// <param name="name">Their name for a command, when known.</param>
    /// <param name="level">Where they stand now; null when not placed yet.</param>
    /// <param name="meeting">The last 1:1, whose reflection (or else prep) says what they care about.</param>
    public static string Step(string who, string? name, EngagementLevel? level, Meeting? meeting)
    {
        var reflection = meeting?.LatestReflection;
        var caresAbout = FollowUpMessages.Clip(reflection?.CaresAbout ?? meeting?.Prep.TheirInterest, MaxNote);
        var about = caresAbout ?? "something they care about";

        var placeThem = name is null ? string.Empty : $" `level {name} contributor` (or follower, active, core) places them.";
        return level switch
        {
            EngagementLevel.Follower =>
                $"{who} is a follower. One small step up: invite them to a meeting or event about {about}, "
                + "greet them there and introduce them to a few people, then ask afterwards how it was.",
            EngagementLevel.Contributor =>
                $"{who} is a contributor. One small step up: offer them a small task of their own, tied to {about}, "
                + "and debrief with them once it's done.",
            EngagementLevel.Active =>
                $"{who} is an active supporter. One step up: invite them to a training on {about}, "
                + (FollowUpMessages.Clip(reflection?.Role, MaxNote) is { } role
                    ? $"or ask whether they'd take on a role like {role}. "
                    : "or ask whether they'd take on a role of their own. ")
                + "An escalation 1:1 is the place for that ask.",
            EngagementLevel.Core =>
                $"{who} is a core leader. Ask what they need from you to keep leading, and who else you should both talk to.",
            _ =>
                $"{who} {(name is null ? "aren't" : "isn't")} placed on the pyramid yet. Use the check-in to find out what they care about, "
                + "then invite them to something tied to it." + placeThem,
        };
    }
}
