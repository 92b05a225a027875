using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Api;

/// <summary>The reads the digest channel check needs: the channel with its overwrites, the server's roles, the bot's roles.</summary>
internal sealed partial class DiscordRestClient
{
    public async Task<GuildChannel> GetChannelAsync(string channelId, CancellationToken ct) =>
        (await SendAsync(BotRoute("channels/{channel_id}", $"channels/{channelId}", channelId), null, DiscordPermissionJson.Default.GuildChannel, ct))!;

    public async Task<List<GuildRole>> GetGuildRolesAsync(string guildId, CancellationToken ct) =>
        await SendAsync(BotRoute("guilds/{guild_id}/roles", $"guilds/{guildId}/roles", guildId), null, DiscordPermissionJson.Default.ListGuildRole, ct) ?? [];

    public async Task<MemberRoles> GetGuildMemberAsync(string guildId, string userId, CancellationToken ct) =>
        (await SendAsync(BotRoute("guilds/{guild_id}/members/{user_id}", $"guilds/{guildId}/members/{userId}", guildId), null, DiscordPermissionJson.Default.MemberRoles, ct))!;

    private static DiscordRoute BotRoute(string template, string path, string major) =>
        new(HttpMethod.Get, template, path, major, CountsTowardGlobalLimit: true, UsesBotToken: true);
}
