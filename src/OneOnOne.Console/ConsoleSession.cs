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
    private readonly Dictionary<string, ConsoleOrganizer> _seen = [];
    private IReadOnlyList<Button> _pressable = [];

    public ConsoleSession(ConsoleIo io, IOptions<ConsoleOptions> options, ILogger<ConsoleSession> logger)
    {
        Io = io;
        _renderer = new ConsoleRenderer(io.Out, new ConsoleFileSaver(options.Value.FilesDirectory), logger);
        Organizer = ConsoleOrganizer.FromName(options.Value.User);
        _seen[Organizer.Id] = Organizer;
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

    /// <summary>
    /// Becomes the organizer called <paramref name="name"/>. Someone met before in this session keeps the
    /// spelling first given: "/as ben" after "/as Ben" is Ben again, not a renamed "ben".
    /// </summary>
    /// <returns>True when it's someone who was here before.</returns>
    internal bool SwitchTo(string name)
    {
        var wanted = ConsoleOrganizer.FromName(name);
        var again = _seen.TryGetValue(wanted.Id, out var known);
        Organizer = known ?? (_seen[wanted.Id] = wanted);
        return again;
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
