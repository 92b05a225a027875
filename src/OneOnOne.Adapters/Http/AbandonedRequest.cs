using Microsoft.AspNetCore.Http;

namespace OneOnOne.Adapters.Http;

/// <summary>
/// The client went away while its body was being read: it hung up halfway (<see cref="BadHttpRequestException"/>
/// "unexpected end", a connection reset), sent too slowly for Kestrel's minimum data rate, or the request was
/// aborted. Nothing is wrong with the bot and nobody is waiting for an answer, so this is not an error.
/// </summary>
public static class AbandonedRequest
{
    public static bool Explains(Exception exception, CancellationToken requestAborted) => exception switch
    {
        BadHttpRequestException or IOException => true,
        OperationCanceledException => requestAborted.IsCancellationRequested,
        _ => false,
    };

    /// <summary>
    /// As <see cref="Explains"/>, for the body read alone: there an <see cref="InvalidOperationException"/>
    /// ("Reading is already in progress") means Kestrel took the body pipe back from a request it gave up on.
    /// </summary>
    public static bool ExplainsBodyRead(Exception exception, CancellationToken requestAborted) =>
        exception is InvalidOperationException || Explains(exception, requestAborted);

    /// <summary>What to answer if anyone is still listening: Kestrel's own status for a bad request (408 for a stall), else 400.</summary>
    public static int Status(Exception exception) => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
}
