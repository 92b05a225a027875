using System.Globalization;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Delivery;

/// <summary>The Discord permission bits the digest needs, and the one that overrides them all.</summary>
[Flags]
internal enum DiscordPermission : ulong
{
    None = 0,
    Administrator = 1UL << 3,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    EmbedLinks = 1UL << 14,
    AttachFiles = 1UL << 15,
}

/// <summary>
/// A member's permissions in one channel, computed as Discord documents it: the @everyone role's permissions
/// and every role of the member's, combined; everything for an administrator; then the channel's overwrites,
/// @everyone's first, then the member's roles' together, then the member's own, each denying before allowing.
/// </summary>
internal static class ChannelPermissions
{
    private const ulong All = ulong.MaxValue;

    public static ulong Compute(string guildId, string memberId, IReadOnlyCollection<string> memberRoles, IReadOnlyList<GuildRole> guildRoles, GuildChannel channel)
    {
        var roles = guildRoles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var permissions = roles.TryGetValue(guildId, out var everyone) ? Bits(everyone.Permissions) : 0;
        foreach (var roleId in memberRoles)
        {
            permissions |= roles.TryGetValue(roleId, out var role) ? Bits(role.Permissions) : 0;
        }

        if ((permissions & (ulong)DiscordPermission.Administrator) != 0)
        {
            return All;
        }

        var overwrites = channel.PermissionOverwrites ?? [];
        if (overwrites.FirstOrDefault(o => o.Type == PermissionOverwrite.RoleType && o.Id == guildId) is { } forEveryone)
        {
            permissions = Apply(permissions, Bits(forEveryone.Allow), Bits(forEveryone.Deny));
        }

        ulong rolesAllow = 0, rolesDeny = 0;
        foreach (var overwrite in overwrites.Where(o => o.Type == PermissionOverwrite.RoleType && memberRoles.Contains(o.Id)))
        {
            rolesAllow |= Bits(overwrite.Allow);
            rolesDeny |= Bits(overwrite.Deny);
        }

        permissions = Apply(permissions, rolesAllow, rolesDeny);
        if (overwrites.FirstOrDefault(o => o.Type == PermissionOverwrite.MemberType && o.Id == memberId) is { } forMember)
        {
            permissions = Apply(permissions, Bits(forMember.Allow), Bits(forMember.Deny));
        }

        return permissions;
    }

    private static ulong Apply(ulong permissions, ulong allow, ulong deny) => (permissions & ~deny) | allow;

    /// <summary>Discord sends bit sets as decimal strings; anything unreadable grants nothing.</summary>
    private static ulong Bits(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;
}
