using OneOnOne.Core.Domain;

namespace OneOnOne.Core.FollowUps;

/// <summary>A follow-up the planner says should exist, due at a UTC instant.</summary>
public sealed record PlannedFollowUp(FollowUpKind Kind, DateTimeOffset DueAt);
