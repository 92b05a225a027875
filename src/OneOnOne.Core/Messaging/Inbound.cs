using System.Text.Json.Serialization;

namespace OneOnOne.Core.Messaging;

/// <summary>Something an organizer did, already verified and parsed by an adapter.</summary>
/// <param name="From">Who did it.</param>
/// <param name="DisplayName">How to call them, as the platform knows them.</param>
/// <param name="Input">What they did.</param>
/// <param name="EventId">The platform's delivery id, for de-duplication; null when the platform has none.</param>
/// <param name="TimeZone">The IANA zone the platform reports for the user, if it reports one.</param>
public sealed record Inbound(Address From, string DisplayName, Input Input, string? EventId = null, string? TimeZone = null);

/// <summary>The platform-neutral kinds of input. Each can be written down as JSON, to be kept until it is handled.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CommandInput), "command")]
[JsonDerivedType(typeof(ReplyInput), "reply")]
[JsonDerivedType(typeof(ButtonInput), "button")]
[JsonDerivedType(typeof(FormInput), "form")]
public abstract record Input;

/// <summary>A <c>/one-on-one ...</c> command; <paramref name="Text"/> is everything after the command name.</summary>
public sealed record CommandInput(string Text) : Input;

/// <summary>Free text typed in a direct conversation with the bot, usually an answer to a question.</summary>
public sealed record ReplyInput(string Text) : Input;

/// <summary>A button was pressed; <paramref name="Payload"/> is the <see cref="Button.Payload"/> it carried.</summary>
public sealed record ButtonInput(string Payload) : Input;

/// <summary>A whole form was submitted: answers keyed by question id for one flow run.</summary>
public sealed record FormInput(int FlowRunId, IReadOnlyDictionary<string, string?> Answers) : Input;
