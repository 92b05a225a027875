using OneOnOne.Core.Dialogue;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Rendering;

/// <summary>One Discord message ready to send: its JSON body and the files to upload with it.</summary>
internal sealed record RenderedMessage(MessagePayload Payload, IReadOnlyList<FileUpload> Files)
{
    /// <summary>A copy flagged for the given flags (e.g. ephemeral follow-ups); files are shared.</summary>
    public RenderedMessage WithFlags(int? flags) => this with
    {
        Payload = new MessagePayload
        {
            Content = Payload.Content,
            Embeds = Payload.Embeds,
            Components = Payload.Components,
            AllowedMentions = Payload.AllowedMentions,
            Flags = flags,
        },
    };

    /// <summary>
    /// The same message without its files, ending with a line that names them: what is sent when Discord
    /// refuses an upload, so the words still arrive and the person knows what is missing.
    /// </summary>
    public RenderedMessage WithoutFiles()
    {
        var names = Prose.And(Files.Select(f => f.FileName));
        var note = $"I couldn't attach {(Files.Count == 1 ? "the file" : "the files")} {names}: Discord refused the upload. Please try again in a while.";
        var words = Payload.Content is { Length: > 0 } content
            ? Clip.To(content, TextSplitter.MaxContentLength - note.Length - 2) + "\n\n" + note
            : note;
        return new RenderedMessage(
            new MessagePayload
            {
                Content = words,
                Embeds = Payload.Embeds,
                Components = Payload.Components,
                AllowedMentions = Payload.AllowedMentions,
                Flags = Payload.Flags,
            },
            []);
    }

    public static RenderedMessage Text(string content) =>
        new(new MessagePayload { Content = content, AllowedMentions = AllowedMentions.None }, []);
}
