namespace OneOnOne.Core.Domain;

/// <summary>
/// One organizer's progress through a flow, persisted so a restart resumes at the same question.
/// The current step is a question id, never an index, so reordering a flow cannot misplace a run.
/// </summary>
public sealed class FlowRun
{
    public int Id { get; set; }

    public int OrganizerId { get; set; }

    public required string Flow { get; set; }

    public int FlowVersion { get; set; }

    public string? Step { get; set; }

    /// <summary>Answers so far as a JSON object of question id to text.</summary>
    public string AnswersJson { get; set; } = "{}";

    public FlowStatus Status { get; set; }

    public int? PersonId { get; set; }

    public int? MeetingId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token: two deliveries of one answer cannot both advance the run.</summary>
    public int Revision { get; set; }
}
