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

    public bool IsActive => Status == FlowStatus.Active;

    /// <summary>Records an answer and the next step. Only an active run moves.</summary>
    public void Advance(string? nextStep, string answersJson, DateTimeOffset now)
    {
        EnsureActive();
        Step = nextStep;
        AnswersJson = answersJson;
        Touch(now);
    }

    /// <summary>
    /// The one way a run leaves the active state. Every other transition is refused the same way,
    /// so a late button press on a finished run can never revive it.
    /// </summary>
    public void Finish(FlowStatus outcome, DateTimeOffset now)
    {
        if (outcome == FlowStatus.Active)
        {
            throw new InvalidOperationException("A run cannot be finished into the active state.");
        }

        EnsureActive();
        Status = outcome;
        Touch(now);
    }

    private void EnsureActive()
    {
        if (Status != FlowStatus.Active)
        {
            throw new InvalidOperationException($"Flow run {Id} is {Status}; only an active run can change.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }
}
