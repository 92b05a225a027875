using System.Globalization;
using OneOnOne.Discord.Delivery;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Delivery;

/// <summary>Discord's documented permission algorithm: base from roles, administrator, then overwrites in order.</summary>
public sealed class ChannelPermissionsTests
{
    private const string Guild = "1";
    private const string Bot = "2";
    private const string BotRole = "3";
    private const string OtherRole = "4";
    private const ulong View = 1UL << 10;
    private const ulong Send = 1UL << 11;
    private const ulong Attach = 1UL << 15;
    private const ulong Admin = 1UL << 3;

    [Fact]
    public void The_base_is_everyone_and_the_members_roles_together()
    {
        Assert.Equal(View | Send, Compute(everyone: View, botRole: Send));
    }

    [Fact]
    public void Roles_the_member_does_not_have_give_nothing()
    {
        var roles = Roles(everyone: View, botRole: 0);
        roles.Add(new GuildRole { Id = OtherRole, Permissions = Send.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(View, ChannelPermissions.Compute(Guild, Bot, [BotRole], roles, Channel()));
    }

    [Fact]
    public void An_administrator_has_everything_whatever_the_overwrites()
    {
        Assert.Equal(ulong.MaxValue, Compute(everyone: 0, botRole: Admin, Overwrite(Guild, 0, allow: 0, deny: View | Send)));
    }

    [Fact]
    public void The_everyone_overwrite_denies_before_it_allows()
    {
        Assert.Equal(View | Attach, Compute(everyone: View | Send, botRole: 0, Overwrite(Guild, 0, allow: Attach, deny: Send)));
    }

    [Fact]
    public void Role_overwrites_apply_together_after_everyone_so_an_allow_on_any_role_wins_over_a_deny_on_another()
    {
        var roles = Roles(everyone: View | Send, botRole: 0);
        roles.Add(new GuildRole { Id = OtherRole, Permissions = "0" });
        var channel = Channel(
            Overwrite(Guild, 0, allow: 0, deny: Send),
            Overwrite(BotRole, 0, allow: 0, deny: Send),
            Overwrite(OtherRole, 0, allow: Send, deny: 0));

        Assert.Equal(View | Send, ChannelPermissions.Compute(Guild, Bot, [BotRole, OtherRole], roles, channel));
    }

    [Fact]
    public void The_members_own_overwrite_comes_last()
    {
        Assert.Equal(View, Compute(everyone: View, botRole: Send,
            Overwrite(BotRole, 0, allow: Send, deny: 0),
            Overwrite(Bot, 1, allow: 0, deny: Send)));
    }

    [Fact]
    public void Overwrites_for_other_roles_or_members_do_not_count()
    {
        Assert.Equal(View | Send, Compute(everyone: View | Send, botRole: 0,
            Overwrite(OtherRole, 0, allow: 0, deny: Send),
            Overwrite("99", 1, allow: 0, deny: View)));
    }

    [Fact]
    public void Unreadable_bit_sets_grant_nothing()
    {
        Assert.Equal(View, Compute(everyone: View, botRole: 0, new PermissionOverwrite { Id = Guild, Type = 0, Allow = "lots", Deny = "-1" }));
    }

    private static ulong Compute(ulong everyone, ulong botRole, params PermissionOverwrite[] overwrites) =>
        ChannelPermissions.Compute(Guild, Bot, [BotRole], Roles(everyone, botRole), Channel(overwrites));

    private static List<GuildRole> Roles(ulong everyone, ulong botRole) =>
    [
        new GuildRole { Id = Guild, Name = "@everyone", Permissions = everyone.ToString(CultureInfo.InvariantCulture) },
        new GuildRole { Id = BotRole, Name = "oneonone", Permissions = botRole.ToString(CultureInfo.InvariantCulture), Managed = true, Tags = new RoleTags { BotId = Bot } },
    ];

    private static GuildChannel Channel(params PermissionOverwrite[] overwrites) =>
        new() { Id = "10", Type = 0, GuildId = Guild, Name = "team", PermissionOverwrites = [.. overwrites] };

    private static PermissionOverwrite Overwrite(string id, int type, ulong allow, ulong deny) =>
        new() { Id = id, Type = type, Allow = allow.ToString(CultureInfo.InvariantCulture), Deny = deny.ToString(CultureInfo.InvariantCulture) };
}
