namespace OneOnOne.Core.Domain;

/// <summary>How domain values read in messages.</summary>
public static class Labels
{
    public static string Of(EngagementLevel level) => level switch
    {
        EngagementLevel.Follower => "follower",
        EngagementLevel.Contributor => "contributor",
        EngagementLevel.Active => "active supporter",
        EngagementLevel.Core => "core leader",
        _ => level.ToString().ToLowerInvariant(),
    };

    public static string Of(EngagementLevel? level) => level is { } known ? Of(known) : "not placed yet";

    /// <summary>
    /// What a level says about someone, in one line from the guide's pyramid (METHOD.md §7). Shown wherever a
    /// level is chosen; at most 75 characters so it fits a Slack option description (Discord allows 100).
    /// </summary>
    public static string Meaning(EngagementLevel level) => level switch
    {
        EngagementLevel.Follower => "cares and follows along, not ready to do more yet",
        EngagementLevel.Contributor => "pitches in now and then, not at everything",
        EngagementLevel.Active => "backs most of what we do, not ready to lead",
        EngagementLevel.Core => "takes the lead and can be counted on",
        _ => string.Empty,
    };

    /// <summary>"Active supporter: backs most of what we do, not ready to lead".</summary>
    public static string WithMeaning(EngagementLevel level) => $"{ChoiceOf(level)}: {Meaning(level)}";

    /// <summary>A level as a choice, a button or a heading: "Active supporter".</summary>
    public static string ChoiceOf(EngagementLevel level)
    {
        var label = Of(level);
        return char.ToUpperInvariant(label[0]) + label[1..];
    }

    public static string Of(MeetingKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind with its article, as it starts a phrase: "a recruitment", "an escalation".</summary>
    public static string WithArticle(MeetingKind kind) => kind switch
    {
        MeetingKind.Escalation => "an " + Of(kind),
        _ => "a " + Of(kind),
    };

    public static string Of(AskAnswer answer) => answer.ToString().ToLowerInvariant();

    public static string Of(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "being prepared",
        MeetingStatus.Scheduled => "scheduled",
        MeetingStatus.Held => "held",
        MeetingStatus.Cancelled => "cancelled",
        MeetingStatus.Missed => "didn't happen",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(FollowUpKind kind) => kind switch
    {
        FollowUpKind.PocketGuide => "pocket guide before the 1:1",
        FollowUpKind.DidYouMeet => "check whether the 1:1 happened",
        FollowUpKind.ReflectionPrompt => "reminder to reflect",
        FollowUpKind.ThankYou => "send a thank-you",
        FollowUpKind.ConfirmCommitment => "confirm their commitment",
        FollowUpKind.RevisitMaybe => "come back to their maybe",
        FollowUpKind.OfferNewDate => "offer a new date",
        FollowUpKind.MaintenanceCheckIn => "check in to keep in touch",
        FollowUpKind.GoalPace => "goal pace check",
        FollowUpKind.UncontactedPeople => "people on your list not yet contacted",
        FollowUpKind.BookNextMeeting => "book your next conversation",
        _ => kind.ToString(),
    };

    /// <summary>Reads a level as typed: "core", "core leader", "active supporter", "3"...</summary>
    public static bool TryParseLevel(string text, out EngagementLevel level)
    {
        var t = text.Trim().ToLowerInvariant();
        level = t switch
        {
            "1" or "follower" or "followers" => EngagementLevel.Follower,
            "2" or "contributor" or "contributors" => EngagementLevel.Contributor,
            "3" or "active" or "active supporter" or "supporter" => EngagementLevel.Active,
            "4" or "core" or "core leader" or "leader" => EngagementLevel.Core,
            _ => 0,
        };
        return level != 0;
    }

    public static bool TryParseKind(string text, out MeetingKind kind) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
