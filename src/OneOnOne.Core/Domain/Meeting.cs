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

    /// <summary>Changed only through <see cref="Schedule"/>, <see cref="MarkHeld"/>, <see cref="CallOff"/> and <see cref="MarkMissed"/>.</summary>
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

    /// <summary>Whether the meeting may be given a (new) time: not once it was held or called off.</summary>
    public bool CanBeScheduled => Status is MeetingStatus.Planned or MeetingStatus.Scheduled or MeetingStatus.Missed;

    /// <summary>Whether it may be marked held or called off: only while it is still ahead of the organizer.</summary>
    public bool IsOpen => Status is MeetingStatus.Planned or MeetingStatus.Scheduled;

    /// <summary>
    /// Gives the meeting a time, or moves it. A meeting that didn't happen may be booked again;
    /// a held or called-off one is history: a new 1:1 is a new meeting.
    /// </summary>
    public MeetingChange Schedule(DateTimeOffset start, int minutes, string? place, DateTimeOffset now)
    {
        Ensure(CanBeScheduled, MeetingStatus.Scheduled);
        var change = new MeetingChange(Status, MeetingStatus.Scheduled, Status == MeetingStatus.Scheduled ? StartsAt : null);
        StartsAt = start;
        DurationMinutes = minutes;
        Place = place;
        return Become(MeetingStatus.Scheduled, change, now);
    }

    /// <summary>
    /// The 1:1 happened: held at its start when that has passed, otherwise now (it happened without
    /// being scheduled here, or earlier than booked).
    /// </summary>
    public MeetingChange MarkHeld(DateTimeOffset now)
    {
        Ensure(IsOpen, MeetingStatus.Held);
        HeldAt = StartsAt is { } start && start <= now ? start : now;
        return Become(MeetingStatus.Held, new MeetingChange(Status, MeetingStatus.Held, StartsAt), now);
    }

    /// <summary>The organizer called it off before it happened.</summary>
    public MeetingChange CallOff(DateTimeOffset now)
    {
        Ensure(IsOpen, MeetingStatus.Cancelled);
        return Become(MeetingStatus.Cancelled, new MeetingChange(Status, MeetingStatus.Cancelled, StartsAt), now);
    }

    /// <summary>The organizer said a scheduled 1:1 didn't happen.</summary>
    public MeetingChange MarkMissed(DateTimeOffset now)
    {
        Ensure(Status == MeetingStatus.Scheduled, MeetingStatus.Missed);
        return Become(MeetingStatus.Missed, new MeetingChange(Status, MeetingStatus.Missed, StartsAt), now);
    }

    private MeetingChange Become(MeetingStatus status, MeetingChange change, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
        return change;
    }

    /// <summary>Every refused transition is refused the same way, as <see cref="FlowRun"/> does.</summary>
    private void Ensure(bool allowed, MeetingStatus to)
    {
        if (!allowed)
        {
            throw new InvalidOperationException($"Meeting {Id} is {Status}; it cannot become {to}.");
        }
    }
}

/// <summary>What one transition did to a meeting, so a reply can say it.</summary>
/// <param name="PreviousStart">The start the meeting had before, when that matters (a move, or what was held or called off).</param>
public sealed record MeetingChange(MeetingStatus From, MeetingStatus To, DateTimeOffset? PreviousStart)
{
    public bool IsMove => From == MeetingStatus.Scheduled && To == MeetingStatus.Scheduled;
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
