namespace OneOnOne.Core.Domain;

/// <summary>What the organizer wrote down after a 1:1 (METHOD.md §6). Private to the organizer.</summary>
public sealed class Reflection
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public string? CommonGround { get; set; }

    public string? CaresAbout { get; set; }

    public string? Excites { get; set; }

    public string? Talents { get; set; }

    public string? Role { get; set; }

    public string? Story { get; set; }

    public string? DidWell { get; set; }

    public string? DoDifferently { get; set; }

    public string? LeadsNotFollowed { get; set; }

    public AskAnswer? MeetAgain { get; set; }

    public string? Referrals { get; set; }

    public DateTimeOffset CompletedAt { get; set; }
}
