using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;
using OneOnOne.Slack.Api;
using OneOnOne.Slack.Rendering;

namespace OneOnOne.Slack.Delivery;

/// <summary>Puts a drawn message into a channel or a response URL, with its files uploaded beside it.</summary>
public sealed partial class SlackPoster(SlackApiClient api, ILogger<SlackPoster> logger)
{
    /// <summary>Posts every page, then every file; returns the first message's ts.</summary>
    public async Task<string?> PostAsync(string channel, SlackMessage message, CancellationToken ct)
    {
        string? first = null;
        for (var page = 0; page < message.Pages.Count; page++)
        {
            var posted = await api.PostMessageAsync(channel, page == 0 ? message.Text : "(continued)", message.Pages[page], ct);
            first ??= posted.Ts;
        }

        foreach (var file in message.Files)
        {
            await UploadAsync(channel, file, ct);
        }

        return first;
    }

    /// <summary>
    /// Answers in place, visible only to the person who acted. Files can't ride on a response URL, so
    /// they go to <paramref name="fileChannel"/> (the DM) with a line saying so.
    /// </summary>
    public async Task RespondAsync(Uri responseUrl, SlackMessage message, Func<Task<string>> fileChannel, CancellationToken ct)
    {
        var pages = message.Pages.ToList();
        if (message.Files.Count > 0)
        {
            var names = string.Join(", ", message.Files.Select(f => f.Title ?? f.FileName));
            pages.Add([new ContextLayout([TextObject.Markdown(SlackFormat.EscapeWithin($"I've put {names} in our direct messages.", 3000))])]);
        }

        for (var page = 0; page < pages.Count; page++)
        {
            await api.PostToResponseUrlAsync(responseUrl, new ResponseUrlMessage(page == 0 ? message.Text : "(continued)", pages[page]), ct);
        }

        if (message.Files.Count > 0)
        {
            var channel = await fileChannel();
            foreach (var file in message.Files)
            {
                await UploadAsync(channel, file, ct);
            }
        }
    }

    /// <summary>Slack's upload flow: ask for an upload URL, send the bytes there, then share the file in the channel.</summary>
    public async Task UploadAsync(string channel, FileBlock file, CancellationToken ct)
    {
        if (file.Content.Length == 0)
        {
            LogEmptyFile();
            return;
        }

        var ticket = await api.GetUploadUrlAsync(file.FileName, file.Content.Length, ct);
        await api.UploadBytesAsync(ticket.UploadUrl, file.Content, file.ContentType, ct);
        await api.CompleteUploadAsync(ticket.FileId, file.Title ?? file.FileName, channel, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an empty file: Slack does not take files of 0 bytes")]
    private partial void LogEmptyFile();
}
