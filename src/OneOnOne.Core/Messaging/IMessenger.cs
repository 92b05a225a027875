namespace OneOnOne.Core.Messaging;

/// <summary>
/// Delivers a message outside any conversation: a follow-up DM or a digest in a channel, days after
/// the organizer last spoke. Each adapter implements <see cref="IPlatformMessenger"/>; jobs use this.
/// </summary>
public interface IMessenger
{
    /// <summary>Sends the message and returns the platform's id for it (null where there is none).</summary>
    /// <exception cref="MessageNotDeliveredException">The platform refused or could not be reached.</exception>
    Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken);
}

/// <summary>One platform's way of sending a message to a <see cref="ToUser"/> or <see cref="ToChannel"/> destination.</summary>
public interface IPlatformMessenger
{
    /// <summary>The <see cref="Address.Platform"/> key this messenger serves.</summary>
    string Platform { get; }

    Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken);
}

/// <summary>A message could not be delivered; <see cref="Transient"/> says whether trying later may work.</summary>
public sealed class MessageNotDeliveredException(string message, bool transient, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
