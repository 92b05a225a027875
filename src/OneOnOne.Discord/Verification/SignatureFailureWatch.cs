using Microsoft.Extensions.Logging;

namespace OneOnOne.Discord.Verification;

/// <summary>
/// Notices a wrong <c>Discord:PublicKey</c>. A well-formed key of another application passes start-up,
/// and then every interaction fails the signature check with a 401 the person only sees as "This
/// interaction failed". Discord's own probes are single bad signatures among good ones, so only a run of
/// failures with no valid signature in between is reported: one warning per run, not one per request.
/// </summary>
internal sealed partial class SignatureFailureWatch(ILogger<SignatureFailureWatch> logger)
{
    /// <summary>Signed requests that fail in a row before the warning: a person trying a command a few times.</summary>
    public const int RunLength = 3;

    private int _failuresInARow;

    public void Valid()
    {
        // Read first: the hot path writes nothing shared when there is nothing to reset.
        if (Volatile.Read(ref _failuresInARow) != 0)
        {
            Interlocked.Exchange(ref _failuresInARow, 0);
        }
    }

    public void Invalid()
    {
        var failures = Interlocked.Increment(ref _failuresInARow);
        LogFailed(failures);
        if (failures == RunLength)
        {
            LogRun(RunLength);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "An interaction failed the signature check ({Failures} in a row); answered 401")]
    private partial void LogFailed(int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} signed requests in a row to /discord/interactions failed the signature check and got 401. " +
        "If they come from Discord, Discord:PublicKey is not this application's key: copy Public Key from the Developer Portal's " +
        "General Information page. This is said once until a request passes the check.")]
    private partial void LogRun(int count);
}
