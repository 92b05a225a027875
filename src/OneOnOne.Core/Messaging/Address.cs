namespace OneOnOne.Core.Messaging;

/// <summary>
/// Where a person can be reached on a platform: enough for a job to speak to them days later.
/// The engine stores and compares these values but never interprets them.
/// </summary>
/// <param name="Platform">The adapter's key, e.g. "console".</param>
/// <param name="Workspace">The platform's team, workspace or server id.</param>
/// <param name="User">The platform's user id.</param>
public sealed record Address(string Platform, string Workspace, string User);
