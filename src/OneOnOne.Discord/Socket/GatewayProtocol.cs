namespace OneOnOne.Discord.Socket;

internal static class GatewayOpcode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

internal static class GatewayIntents
{
    /// <summary>MESSAGE_CREATE for DMs, with their text (message content is not privileged in DMs with the bot).</summary>
    public const int DirectMessages = 1 << 12;

    /// <summary>All the bot asks for: interactions arrive without any intent, DM text needs this one. Nothing privileged.</summary>
    public const int Wanted = DirectMessages;
}

/// <summary>Gateway close codes after which reconnecting cannot help: the settings must change.</summary>
internal static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;
    public const int InvalidSequence = 4007;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>What we close with to reconnect: anything but 1000/1001 keeps the session resumable.</summary>
    public const int Reconnecting = 4900;

    /// <summary>The sentence for a close code that must stop the bot; null when reconnecting is right.</summary>
    public static string? Fatal(int code) => code switch
    {
        AuthenticationFailed => "Discord rejected the bot token (Gateway close 4004). Check Discord:BotToken: copy it again from the Developer Portal (your application → Bot → Reset Token).",
        InvalidShard => "Discord rejected the Gateway shard (close 4010). This bot runs as a single shard; check that no other setting changes that.",
        ShardingRequired => "Discord requires sharding for this bot (close 4011): it is in too many servers for one connection, which this bot doesn't support.",
        InvalidApiVersion => "Discord rejected the Gateway API version (close 4012). The bot connects with version 10, which Discord no longer accepts; update the bot.",
        InvalidIntents => "Discord rejected the Gateway intents (close 4013). This is a bug in the bot; please report it.",
        DisallowedIntents => "Discord refused a privileged Gateway intent (close 4014). The bot asks only for Direct Messages; check that Discord:BotToken belongs to this application.",
        _ => null,
    };

    /// <summary>After these the session is gone: reconnect with a fresh Identify.</summary>
    public static bool EndsSession(int code) => code is InvalidSequence or SessionTimedOut;
}
