namespace OneOnOne.Core.Domain;

/// <summary>A 1:1 from preparation through the ask's answer. Prep and outcome are the organizer's alone.</summary>
public sealed class Meeting
{
    public const int DefaultMinutes = 45;

    public int Id { get; set; }

    public int OrganizerId { get; set; }

    public Organizer Organizer { get; set; } = null!;

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public MeetingKind Kind { get; set; }

    public MeetingStatus Status { get; set; }

    /// <summary>UTC start, once scheduled.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    public int DurationMinutes { get; set; } = DefaultMinutes;

    public string? Place { get; set; }

    public Prep Prep { get; set; } = new();

    public DateTimeOffset? HeldAt { get; set; }

    public AskAnswer? Answer { get; set; }

    public NoReason? NoReason { get; set; }

    /// <summary>What a maybe or a no was about, in the organizer's words.</summary>
    public string? AnswerNote { get; set; }

    public string? Commitment { get; set; }

    /// <summary>UTC instant by which the commitment is due.</summary>
    public DateTimeOffset? CommitmentDueAt { get; set; }

    public DateTimeOffset? CommitmentDoneAt { get; set; }

    /// <summary>Every reflection written about this 1:1, oldest first once ordered; a second one adds, never replaces.</summary>
    public List<Reflection> Reflections { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? EndsAt => StartsAt?.AddMinutes(DurationMinutes);

    public bool HasOpenCommitment => Commitment is not null && CommitmentDoneAt is null;

    /// <summary>Whether the organizer has reflected on this 1:1. <see cref="Reflections"/> must be loaded.</summary>
    public bool IsReflectedOn => Reflections.Count > 0;

    /// <summary>The most recent reflection, if any. <see cref="Reflections"/> must be loaded.</summary>
    public Reflection? LatestReflection => Reflections.MaxBy(r => r.CompletedAt);
}

/// <summary>The organizer's preparation (METHOD.md §2), stored with the meeting.</summary>
public sealed class Prep
{
    public string? Goal { get; set; }

    public string? WhyThem { get; set; }

    public string? TheirInterest { get; set; }

    public string? KnownAndHoped { get; set; }

    public string? MyStory { get; set; }

    public string? Ask { get; set; }

    public string? Alternatives { get; set; }

    /// <summary>How the organizer knows them, for the invitation ("we met at...").</summary>
    public string? Connection { get; set; }

    /// <summary>Why the organizer wants to meet, in words meant for the person; used in the invitation.</summary>
    public string? InvitationPurpose { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
