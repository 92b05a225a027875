using Microsoft.Extensions.Logging;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Rendering;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Sends a message with its files and, when Discord refuses it (a file too large, a channel where the
/// bot may write but not attach), sends it once more without them, saying which file is missing. The
/// words matter more than the attachment: a digest or an export's summary still arrives.
/// </summary>
internal sealed partial class AttachmentFallback(ILogger<AttachmentFallback> logger)
{
    /// <param name="send">Sends one rendered message; called with the message as given, then at most once more without its files.</param>
    public async Task<T> SendAsync<T>(RenderedMessage message, Func<RenderedMessage, Task<T>> send)
    {
        if (message.Files.Count == 0)
        {
            return await send(message);
        }

        try
        {
            return await send(message);
        }
        catch (DiscordApiException exception) when (IsRefusal(exception))
        {
            LogSentWithoutFiles(message.Files.Count, exception.Message);
            return await send(message.WithoutFiles());
        }
    }

    /// <summary>
    /// Discord answered and said no. Not a lost answer or an outage (the same send may yet work), and not
    /// a spent interaction token, which the caller answers in the DMs, files and all.
    /// </summary>
    private static bool IsRefusal(DiscordApiException exception) =>
        exception.Status is not null && !exception.Transient && !exception.InteractionExpired;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused a message with {Count} file(s); sent it without them: {Reason}")]
    private partial void LogSentWithoutFiles(int count, string reason);
}
