using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Acknowledgement;

public enum SlackAckStatus
{
    /// <summary>Taken: HTTP 200, or the envelope acknowledged, with <see cref="SlackAck.Body"/> if any.</summary>
    Accepted,

    /// <summary>Not Slack's: HTTP 400. A Socket Mode envelope is still acknowledged, so Slack doesn't resend it forever.</summary>
    Malformed,

    /// <summary>Full up: HTTP 503, or no acknowledgement, so Slack tries again later.</summary>
    Busy,
}

/// <summary>
/// The one answer Slack gets within its 3 seconds, whichever transport: decided in one place
/// (<see cref="SlackDispatcher"/>) and written out by the HTTP endpoints or the socket.
/// </summary>
public sealed record SlackAck(SlackAckStatus Status, object? Body)
{
    public static readonly SlackAck Empty = new(SlackAckStatus.Accepted, null);
    public static readonly SlackAck Malformed = new(SlackAckStatus.Malformed, null);
    public static readonly SlackAck Busy = new(SlackAckStatus.Busy, null);

    /// <summary>Closes every view of a modal stack, not only the top one.</summary>
    public static readonly SlackAck CloseAll = new(SlackAckStatus.Accepted, new { ResponseAction = "clear" });

    /// <summary>The answer this acknowledgement carries, told whether it was sent (see <see cref="ReportSent"/>).</summary>
    private InlineAnswer? Carried { get; init; }

    /// <summary>A slash command's answer, shown in place to the person at once; <paramref name="inline"/> hears whether it was sent.</summary>
    public static SlackAck Answer(Api.ResponseUrlMessage message, InlineAnswer inline) =>
        new(SlackAckStatus.Accepted, message) { Carried = inline };

    /// <summary>
    /// An answer the engine gave without storing or changing anything (help, an unknown word). Nothing was kept, so an
    /// acknowledgement that never reached Slack costs nothing: the resent delivery is simply answered again.
    /// </summary>
    public static SlackAck AnswerAtOnce(Api.ResponseUrlMessage message) => new(SlackAckStatus.Accepted, message) { NothingKept = true };

    /// <summary>True for <see cref="AnswerAtOnce"/>: a resend of what this acknowledges may be handled afresh.</summary>
    public bool NothingKept { get; private init; }

    /// <summary>The transport says whether this acknowledgement reached Slack; a carried answer that didn't is sent another way.</summary>
    public void ReportSent(bool sent) => Carried?.ReportSent(sent);

    public static SlackAck Challenge(string challenge) => new(SlackAckStatus.Accepted, new { Challenge = challenge });

    /// <summary>Keeps the modal open with a message under each named input block.</summary>
    public static SlackAck Errors(IReadOnlyDictionary<string, string> errorsByBlockId) =>
        new(SlackAckStatus.Accepted, new { ResponseAction = "errors", Errors = errorsByBlockId });

    public static SlackAck Push(SlackView view) => new(SlackAckStatus.Accepted, new { ResponseAction = "push", View = view });
}
