using OneOnOne.Core.Messaging;

namespace OneOnOne.Console;

/// <summary>The console team's digest is printed where the organizer types: whatever channel they name, it can be posted.</summary>
internal sealed class ConsoleChannelCheck : IPlatformChannelCheck
{
    private static readonly Task<ChannelAccess> Open = Task.FromResult<ChannelAccess>(new ChannelAccess.Open());

    public string Platform => ConsoleOrganizer.Platform;

    public Task<ChannelAccess> CheckAsync(ToChannel channel, CancellationToken cancellationToken) => Open;
}
