namespace OneOnOne.Discord.Wire;

public sealed class DiscordUser
{
    public string Id { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string? GlobalName { get; set; }

    /// <summary>"0" for users on unique usernames; bots keep a four-digit one (oneonone#1234).</summary>
    public string? Discriminator { get; set; }

    /// <summary>How Discord shows the account's handle: name#1234 where a discriminator remains, else the name.</summary>
    public string Handle => Discriminator is { Length: > 0 } d && d != "0" ? $"{Username}#{d}" : Username;

    public bool? Bot { get; set; }

    /// <summary>What people see: the display name when set, else the username.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(GlobalName) ? Username : GlobalName;
}

/// <summary>A user's membership in a server; <see cref="User"/> is absent in resolved data.</summary>
public sealed class GuildMember
{
    public DiscordUser? User { get; set; }

    public string? Nick { get; set; }
}

/// <summary>A server the bot is in, as <c>GET /users/@me/guilds</c> lists it.</summary>
public sealed class PartialGuild
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }
}

public sealed class DiscordChannel
{
    public string Id { get; set; } = string.Empty;

    public int Type { get; set; }

    public string? Name { get; set; }

    public string? GuildId { get; set; }
}
