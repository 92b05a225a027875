namespace OneOnOne.Discord.Conversation;

/// <summary>Who the bot itself is on Discord, learned at start, so it never answers its own messages.</summary>
internal sealed class BotIdentity
{
    private volatile string? _userId;

    public string? UserId
    {
        get => _userId;
        set => _userId = value;
    }
}
