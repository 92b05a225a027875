using System.Text.Json;

namespace OneOnOne.Discord.Wire;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>An interaction as it arrives over HTTP or in a Gateway INTERACTION_CREATE.</summary>
public sealed class Interaction
{
    public string Id { get; set; } = string.Empty;

    public string ApplicationId { get; set; } = string.Empty;

    public InteractionType Type { get; set; }

    public InteractionData? Data { get; set; }

    public string? GuildId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>Present when used in a server; the user is <c>member.user</c> then.</summary>
    public GuildMember? Member { get; set; }

    /// <summary>Present when used in a DM.</summary>
    public DiscordUser? User { get; set; }

    public string Token { get; set; } = string.Empty;

    public int Version { get; set; }

    public DiscordMessage? Message { get; set; }

    public string? Locale { get; set; }

    public DiscordUser? Invoker => Member?.User ?? User;

    public string? InvokerName => Member?.Nick is { Length: > 0 } nick ? nick : Invoker?.DisplayName;
}

/// <summary>
/// What an interaction is about. Only what the bot reads is declared: <c>data.id</c>, for one, is a
/// snowflake string on a command but a component's 32-bit integer on a button, and the bot needs neither.
/// </summary>
public sealed class InteractionData
{
    // Application commands.
    public string? Name { get; set; }

    public int? Type { get; set; }

    public List<CommandOptionValue>? Options { get; set; }

    public ResolvedData? Resolved { get; set; }

    // Message components and modal submits.
    public string? CustomId { get; set; }

    public int? ComponentType { get; set; }

    public List<string>? Values { get; set; }

    public List<Component>? Components { get; set; }
}

/// <summary>An option as the user filled it in; a subcommand carries nested options instead of a value.</summary>
public sealed class CommandOptionValue
{
    public string Name { get; set; } = string.Empty;

    public int Type { get; set; }

    public JsonElement? Value { get; set; }

    public List<CommandOptionValue>? Options { get; set; }

    public bool? Focused { get; set; }
}

public sealed class ResolvedData
{
    public Dictionary<string, DiscordUser>? Users { get; set; }

    public Dictionary<string, GuildMember>? Members { get; set; }

    public Dictionary<string, DiscordChannel>? Channels { get; set; }
}

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    AutocompleteResult = 8,
    Modal = 9,
}

/// <summary>The initial answer to an interaction, due within 3 seconds.</summary>
public sealed class InteractionResponse
{
    public InteractionCallbackType Type { get; set; }

    public InteractionCallbackData? Data { get; set; }
}

/// <summary>A message (types 4, 7), a deferral's flags (5), a modal (9) or autocomplete choices (8).</summary>
public sealed class InteractionCallbackData
{
    public string? Content { get; set; }

    public List<Embed>? Embeds { get; set; }

    public List<Component>? Components { get; set; }

    public AllowedMentions? AllowedMentions { get; set; }

    public int? Flags { get; set; }

    public string? CustomId { get; set; }

    public string? Title { get; set; }

    public List<CommandChoice>? Choices { get; set; }
}
