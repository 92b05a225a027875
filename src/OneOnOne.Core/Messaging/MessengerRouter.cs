namespace OneOnOne.Core.Messaging;

/// <summary>Hands each message to the messenger of the platform it is addressed on.</summary>
public sealed class MessengerRouter(IEnumerable<IPlatformMessenger> messengers) : IMessenger
{
    private readonly Dictionary<string, IPlatformMessenger> _byPlatform =
        messengers.ToDictionary(m => m.Platform, StringComparer.OrdinalIgnoreCase);

    public Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        var platform = message.To switch
        {
            ToUser user => user.Address.Platform,
            ToChannel channel => channel.Platform,
            _ => throw new ArgumentException("A message sent outside a conversation needs a user or channel destination.", nameof(message)),
        };
        return _byPlatform.TryGetValue(platform, out var messenger)
            ? messenger.SendAsync(message, cancellationToken)
            : throw new MessageNotDeliveredException($"No adapter for platform '{platform}' is running.", transient: true);
    }
}
