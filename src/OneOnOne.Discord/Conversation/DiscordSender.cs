namespace OneOnOne.Discord.Conversation;

/// <summary>Who did something on Discord, and in which server (none in a DM).</summary>
internal sealed record DiscordSender(string UserId, string DisplayName, string? GuildId);
