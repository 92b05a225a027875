namespace OneOnOne.Bot.Commands;

/// <summary>
/// A backup could not be written, for a reason the operator can fix. <see cref="Exception.Message"/> is written for them:
/// one sentence naming the file and what to do, shown as it is, without a stack trace.
/// </summary>
public sealed class BackupFailure(string message, Exception? cause = null) : InvalidOperationException(message, cause);
