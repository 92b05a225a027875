using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>Whether a follow-up still makes sense at the moment it would be sent.</summary>
public static class FollowUpRelevance
{
    /// <remarks>The follow-up's meeting (with its reflection) must be loaded when it has one.</remarks>
    public static bool IsRelevant(FollowUp followUp, DateTimeOffset now)
    {
        var meeting = followUp.Meeting;
        return followUp.Kind switch
        {
            FollowUpKind.PocketGuide => meeting is { Status: MeetingStatus.Scheduled } && meeting.StartsAt > now,
            FollowUpKind.DidYouMeet => meeting is { Status: MeetingStatus.Scheduled },
            FollowUpKind.ReflectionPrompt => meeting is { Status: MeetingStatus.Held, IsReflectedOn: false },
            FollowUpKind.ThankYou => meeting is { Status: MeetingStatus.Held },
            FollowUpKind.ConfirmCommitment => meeting is { HasOpenCommitment: true },
            FollowUpKind.RevisitMaybe => meeting is { Status: MeetingStatus.Held, Answer: AskAnswer.Maybe },
            FollowUpKind.OfferNewDate => meeting is { Status: MeetingStatus.Missed }
                                         or { Answer: AskAnswer.No, NoReason: NoReason.Date },
            FollowUpKind.MaintenanceCheckIn => followUp.PersonId is not null,
            FollowUpKind.BookNextMeeting => meeting is { Status: MeetingStatus.Held },
            _ => true,
        };
    }
}
