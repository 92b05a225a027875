namespace OneOnOne.Core.Settings;

/// <summary>
/// The bot cannot start, for a reason the operator can fix. <see cref="Exception.Message"/> is written for them:
/// one sentence naming the setting or file and what to do. It is shown as it is, without a stack trace.
/// </summary>
public sealed class StartupFailure(string message, Exception? cause = null) : InvalidOperationException(message, cause);
