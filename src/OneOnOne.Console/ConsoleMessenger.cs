using System.Globalization;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Console;

/// <summary>Follow-ups and digests for the console team are printed where the person is typing.</summary>
internal sealed class ConsoleMessenger(ConsoleSession session) : IPlatformMessenger
{
    private int _sent;

    public string Platform => ConsoleOrganizer.Platform;

    public Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        session.Print(message);
        var id = Interlocked.Increment(ref _sent);
        return Task.FromResult<string?>("console-" + id.ToString(CultureInfo.InvariantCulture));
    }
}
