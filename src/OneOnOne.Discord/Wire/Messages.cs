namespace OneOnOne.Discord.Wire;

/// <summary>
/// A message as Discord reports it (Gateway MESSAGE_CREATE, or the result of a send or an edit), with only
/// what the bot reads. Its attachments, for one, are left out: Discord names each by a snowflake string,
/// while the upload's <see cref="AttachmentInfo.Id"/> is a small integer index, and reading one as the
/// other failed every reply that carried a file.
/// </summary>
public sealed class DiscordMessage
{
    public string Id { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string? GuildId { get; set; }

    public DiscordUser? Author { get; set; }

    public string? Content { get; set; }

    public int? Type { get; set; }

    public string? WebhookId { get; set; }
}

/// <summary>The body of Create Message, Edit Original Response and Execute Webhook.</summary>
public sealed class MessagePayload
{
    public string? Content { get; set; }

    public List<Embed>? Embeds { get; set; }

    public List<Component>? Components { get; set; }

    public AllowedMentions? AllowedMentions { get; set; }

    public int? Flags { get; set; }

    public List<AttachmentInfo>? Attachments { get; set; }

    /// <summary>With <see cref="EnforceNonce"/>, a resend of the same nonce returns the first message instead of a second one.</summary>
    public string? Nonce { get; set; }

    public bool? EnforceNonce { get; set; }
}

/// <summary>A file named in a message's JSON when it is uploaded with it: <see cref="Id"/> is its index among the parts.</summary>
public sealed class AttachmentInfo
{
    public int? Id { get; set; }

    public string? Filename { get; set; }

    public string? Description { get; set; }
}

/// <summary>Which mentions in a message may ping; we never ping, since text often echoes what people typed.</summary>
public sealed class AllowedMentions
{
    public static readonly AllowedMentions None = new() { Parse = [] };

    public List<string> Parse { get; set; } = [];
}

public sealed class Embed
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<EmbedField>? Fields { get; set; }
}

public sealed class EmbedField
{
    public string Name { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public bool? Inline { get; set; }
}

public static class MessageFlags
{
    public const int Ephemeral = 1 << 6;
}

/// <summary>A file sent along a message as a multipart part.</summary>
public sealed record FileUpload(string FileName, string ContentType, byte[] Content, string? Description = null);
