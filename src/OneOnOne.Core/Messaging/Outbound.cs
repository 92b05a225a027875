namespace OneOnOne.Core.Messaging;

/// <summary>A message for an adapter to render in its platform's own UI.</summary>
/// <param name="DeliveryKey">
/// The same each time this message is sent again after a failure (a retried follow-up). A platform
/// that can recognise a repeat by such a key (Discord's nonce) shows the message once even when an
/// earlier attempt arrived but its answer was lost.
/// </param>
public sealed record Outbound(Destination To, IReadOnlyList<Block> Blocks, string? DeliveryKey = null);

/// <summary>Where an outbound message goes.</summary>
public abstract record Destination;

/// <summary>Back to whoever sent the inbound being answered, where they sent it.</summary>
public sealed record ToSender : Destination
{
    public static readonly ToSender Instance = new();
}

/// <summary>A direct message to a person.</summary>
public sealed record ToUser(Address Address) : Destination;

/// <summary>A team channel.</summary>
public sealed record ToChannel(string Platform, string Workspace, string Channel) : Destination;

/// <summary>A neutral piece of a message.</summary>
public abstract record Block;

/// <summary>A heading line.</summary>
public sealed record HeaderBlock(string Text) : Block;

/// <summary>Plain text; line breaks are kept.</summary>
public sealed record TextBlock(string Text) : Block;

/// <summary>Label/value pairs, such as a relationship card.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : Block;

public sealed record Field(string Label, string Value);

/// <summary>A row of buttons.</summary>
public sealed record ButtonsBlock(IReadOnlyList<Button> Buttons) : Block;

/// <summary>
/// A button. Its <paramref name="Payload"/> comes back verbatim in a <see cref="ButtonInput"/>;
/// it is short and carries ids only, never private text.
/// </summary>
public sealed record Button(string Label, string Payload);

/// <summary>A file to attach, such as a calendar invite or an export.</summary>
public sealed record FileBlock(string FileName, string ContentType, byte[] Content, string? Title = null) : Block;

/// <summary>
/// Marks a message that asks a flow question, so an adapter may render the whole flow as a form
/// instead of one question at a time. Adapters that do not care can ignore it.
/// </summary>
public sealed record QuestionBlock(int FlowRunId, string Flow, string QuestionId) : Block;

/// <summary>
/// Problems with a submitted form, keyed by question id, so a platform can show each one under its
/// field (a Slack modal's <c>response_action: errors</c>). Always accompanied by a text version.
/// </summary>
public sealed record FormErrorsBlock(IReadOnlyDictionary<string, string> Errors) : Block;
