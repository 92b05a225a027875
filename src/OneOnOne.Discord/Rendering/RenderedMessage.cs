using OneOnOne.Discord.Api;

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

    public static RenderedMessage Text(string content) =>
        new(new MessagePayload { Content = content, AllowedMentions = AllowedMentions.None }, []);
}
