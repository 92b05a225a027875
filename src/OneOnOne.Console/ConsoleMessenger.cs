using System.Globalization;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Time;

namespace OneOnOne.Console;

/// <summary>
/// Follow-ups and digests for the console team are printed where the person is typing, each under the time on
/// the bot's clock when it arrived: while <c>/clock</c> moves through a week, that is when it would have come.
/// </summary>
internal sealed class ConsoleMessenger(ConsoleSession session, IClockControl? clock = null) : IPlatformMessenger
{
    private int _sent;

    public string Platform => ConsoleOrganizer.Platform;

    public Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        session.Print(message, clock is null ? null : $"— {ConsoleClock.Describe(clock.Now)} —");
        var id = Interlocked.Increment(ref _sent);
        return Task.FromResult<string?>("console-" + id.ToString(CultureInfo.InvariantCulture));
    }
}
