using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>
/// What a reminder is about, in a few words with the person's name: "send a thank-you to Maria".
/// With its reference, it is how every reply names a reminder: "send a thank-you to Maria (#12)".
/// </summary>
public static class FollowUpTitle
{
    public static string Of(FollowUpKind kind, string? person) => person is null
        ? Labels.Of(kind)
        : kind switch
        {
            FollowUpKind.PocketGuide => $"pocket guide for your 1:1 with {person}",
            FollowUpKind.DidYouMeet => $"check whether your 1:1 with {person} happened",
            FollowUpKind.ReflectionPrompt => $"reflect on your 1:1 with {person}",
            FollowUpKind.ThankYou => $"send a thank-you to {person}",
            FollowUpKind.ConfirmCommitment => $"confirm {person}'s commitment",
            FollowUpKind.RevisitMaybe => $"come back to {person}'s maybe",
            FollowUpKind.OfferNewDate => $"offer {person} a new date",
            FollowUpKind.MaintenanceCheckIn => $"check in with {person}",
            FollowUpKind.BookNextMeeting => $"book your next conversation with {person}",
            _ => $"{Labels.Of(kind)} ({person})",
        };

    /// <summary>The title with the reference, e.g. "send a thank-you to Maria (#12)". Its person must be loaded.</summary>
    public static string WithReference(FollowUp followUp) =>
        $"{Of(followUp.Kind, followUp.Person?.Name ?? followUp.Meeting?.Person?.Name)} ({followUp.Reference})";

    /// <summary>"reflect on your 1:1 with Maria and send a thank-you to Maria", for a reply that says what was planned.</summary>
    public static string List(IEnumerable<FollowUpKind> kinds, string? person)
    {
        var titles = kinds.Distinct().Select(k => Of(k, person)).ToList();
        return titles.Count switch
        {
            0 => string.Empty,
            1 => titles[0],
            _ => string.Join(", ", titles[..^1]) + " and " + titles[^1],
        };
    }
}
