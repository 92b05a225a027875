using System.Text.Json.Serialization;

namespace OneOnOne.Discord.Wire;

/// <summary>A server channel as <c>GET /channels/{id}</c> gives it, with what the permission check reads.</summary>
public sealed class GuildChannel
{
    public string Id { get; set; } = string.Empty;

    public int Type { get; set; }

    public string? GuildId { get; set; }

    public string? Name { get; set; }

    public List<PermissionOverwrite>? PermissionOverwrites { get; set; }
}

/// <summary>A channel's allow and deny for one role (type 0) or one member (type 1); the bit sets are strings.</summary>
public sealed class PermissionOverwrite
{
    public const int RoleType = 0;
    public const int MemberType = 1;

    public string Id { get; set; } = string.Empty;

    public int Type { get; set; }

    public string Allow { get; set; } = "0";

    public string Deny { get; set; } = "0";
}

/// <summary>A server role, as <c>GET /guilds/{id}/roles</c> lists it.</summary>
public sealed class GuildRole
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string Permissions { get; set; } = "0";

    public bool Managed { get; set; }

    public RoleTags? Tags { get; set; }
}

/// <summary>What a role is for; <see cref="BotId"/> marks the role Discord made for a bot when it joined.</summary>
public sealed class RoleTags
{
    public string? BotId { get; set; }
}

/// <summary>The bot's own membership in a server (<c>GET /guilds/{id}/members/{user}</c>): the roles it has.</summary>
public sealed class MemberRoles
{
    public List<string> Roles { get; set; } = [];
}

/// <summary>Source-generated JSON for the permission check's shapes, with the same rules as <see cref="DiscordJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GuildChannel))]
[JsonSerializable(typeof(List<GuildRole>))]
[JsonSerializable(typeof(MemberRoles))]
internal sealed partial class DiscordPermissionJson : JsonSerializerContext;
