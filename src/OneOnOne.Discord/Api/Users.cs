namespace OneOnOne.Discord.Api;

public sealed class DiscordUser
{
    public string Id { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string? GlobalName { get; set; }

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

public sealed class DiscordChannel
{
    public string Id { get; set; } = string.Empty;

    public int Type { get; set; }

    public string? Name { get; set; }

    public string? GuildId { get; set; }
}
