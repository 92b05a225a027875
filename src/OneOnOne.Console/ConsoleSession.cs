using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Console;

/// <summary>
/// The one terminal everything prints to: replies typed by the person and nudges sent by the scheduler
/// alike. It remembers who is typing and the buttons of the last message, so a nudge's buttons can be
/// pressed just like a reply's.
/// </summary>
public sealed class ConsoleSession
{
    private readonly Lock _gate = new();
    private readonly ConsoleRenderer _renderer;
    private IReadOnlyList<Button> _pressable = [];

    public ConsoleSession(ConsoleIo io, IOptions<ConsoleOptions> options, ILogger<ConsoleSession> logger)
    {
        Io = io;
        _renderer = new ConsoleRenderer(io.Out, new ConsoleFileSaver(options.Value.FilesDirectory), logger);
        Organizer = ConsoleOrganizer.FromName(options.Value.User);
    }

    public ConsoleIo Io { get; }

    internal ConsoleOrganizer Organizer { get; set; }

    internal IReadOnlyList<Button> Pressable
    {
        get
        {
            lock (_gate)
            {
                return _pressable;
            }
        }
    }

    /// <param name="stamp">A line printed first, with the message, e.g. when a nudge arrived.</param>
    public void Print(Outbound message, string? stamp = null)
    {
        lock (_gate)
        {
            if (stamp is not null)
            {
                Io.Out.WriteLine(stamp);
            }

            _pressable = _renderer.Render(message, Organizer.Address);
            Io.Out.Flush();
        }
    }

    public void WriteLine(string text = "")
    {
        lock (_gate)
        {
            Io.Out.WriteLine(text);
        }
    }
}
