using System.Collections.Concurrent;
using OneOnOne.Core.Messaging;
using OneOnOne.Discord.Api;

namespace OneOnOne.Discord.Delivery;

/// <summary>
/// Finds the channel a digest goes to. Picked with the command's channel option it is already an id;
/// typed as <c>#organizing</c> it is a name, looked up among the server's text channels.
/// </summary>
internal sealed class ChannelResolver(DiscordRestClient rest, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    // Text and announcement channels: the ones a digest can be posted in.
    private static readonly int[] PostableTypes = [0, 5];

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyDictionary<string, string> ByName)> _guilds = new(StringComparer.Ordinal);

    public async Task<string> ResolveAsync(string guildId, string channel, CancellationToken ct)
    {
        var wanted = channel.Trim().TrimStart('#');
        if (Snowflake.IsValid(wanted))
        {
            return wanted;
        }

        if (!Snowflake.IsValid(guildId))
        {
            throw new MessageNotDeliveredException($"“#{wanted}” is a channel name, and this team has no Discord server to look it up in.", transient: false);
        }

        var byName = await ChannelsByNameAsync(guildId, ct);
        return byName.TryGetValue(wanted, out var id)
            ? id
            : throw new MessageNotDeliveredException($"There's no text channel called #{wanted} in the server (or the bot can't see it).", transient: false);
    }

    private async Task<IReadOnlyDictionary<string, string>> ChannelsByNameAsync(string guildId, CancellationToken ct)
    {
        if (_guilds.TryGetValue(guildId, out var cached) && time.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.ByName;
        }

        var channels = await rest.GetGuildChannelsAsync(guildId, ct);
        var byName = channels
            .Where(c => PostableTypes.Contains(c.Type) && !string.IsNullOrEmpty(c.Name))
            .GroupBy(c => c.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        _guilds[guildId] = (time.GetUtcNow(), byName);
        return byName;
    }
}
