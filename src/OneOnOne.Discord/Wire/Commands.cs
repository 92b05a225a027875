using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OneOnOne.Discord.Wire;

/// <summary>An application command, as we register it and as Discord lists it back.</summary>
public sealed class ApplicationCommand
{
    public string? Id { get; set; }

    public string? ApplicationId { get; set; }

    public string? Version { get; set; }

    public int? Type { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public List<CommandOption>? Options { get; set; }

    /// <summary>0 server, 1 the bot's DMs, 2 other private channels.</summary>
    public List<int>? Contexts { get; set; }

    /// <summary>0 installed to a server, 1 installed by a user.</summary>
    public List<int>? IntegrationTypes { get; set; }

    public string? DefaultMemberPermissions { get; set; }

    public bool? Nsfw { get; set; }
}

public sealed class CommandOption
{
    public int Type { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool? Required { get; set; }

    public List<CommandChoice>? Choices { get; set; }

    public List<CommandOption>? Options { get; set; }

    public List<int>? ChannelTypes { get; set; }

    public JsonElement? MinValue { get; set; }

    public JsonElement? MaxValue { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public bool? Autocomplete { get; set; }
}

public sealed class CommandChoice
{
    public string Name { get; set; } = string.Empty;

    public JsonElement Value { get; set; }
}

[SuppressMessage("Naming", "CA1720", Justification = "Discord's own names for its option types.")]
public static class CommandOptionType
{
    public const int SubCommand = 1;
    public const int SubCommandGroup = 2;
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
    public const int User = 6;
    public const int Channel = 7;
    public const int Role = 8;
    public const int Mentionable = 9;
    public const int Number = 10;
}
