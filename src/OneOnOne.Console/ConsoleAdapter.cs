using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Time;

namespace OneOnOne.Console;

/// <summary>
/// Lets someone try the whole bot in a terminal, or a script drive it through a pipe:
/// each line becomes an <see cref="Inbound"/> and each reply is printed.
/// </summary>
public sealed partial class ConsoleAdapter : BackgroundService
{
    private const string Goodbye = "Bye for now. Good luck with your one-on-ones!";
    private const string Oops = "Sorry, something went wrong on my side and I couldn't finish that. Mind trying again?";

    private readonly IServiceScopeFactory _scopes;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ConsoleSession _session;
    private readonly ConsoleIo _io;
    private readonly IClockControl? _clock;
    private readonly ILogger<ConsoleAdapter> _logger;

    public ConsoleAdapter(
        IServiceScopeFactory scopes,
        IHostApplicationLifetime lifetime,
        ConsoleSession session,
        ILogger<ConsoleAdapter> logger,
        IClockControl? clock = null)
    {
        _scopes = scopes;
        _lifetime = lifetime;
        _session = session;
        _io = session.Io;
        _clock = clock;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Start-up logs (migrations, say) come first, so they don't land in the middle of a prompt.
            await WhenStartedAsync(stoppingToken);
            if (_io.IsInteractive)
            {
                WriteWelcome();
            }

            await ResumeAsync(stoppingToken);
            await ConverseAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // Ctrl+C: the host is already stopping.
        }

        if (_io.IsInteractive)
        {
            _io.Out.WriteLine(Goodbye);
        }

        // The conversation is the whole app here: when it ends, so does the process (exit code 0).
        _lifetime.StopApplication();
    }

    /// <summary>Reads and handles lines until the input ends or the person quits.</summary>
    private async Task ConverseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_io.IsInteractive)
            {
                _io.Out.Write($"{_session.Organizer.Id}> ");
                _io.Out.Flush();
            }

            // Null is the end of input: Ctrl+D at a terminal, or the end of a piped script.
            var line = await ReadLineAsync(cancellationToken);
            if (line is null)
            {
                if (_io.IsInteractive)
                {
                    _io.Out.WriteLine(); // Ctrl+D leaves the cursor after the prompt.
                }

                return;
            }

            if (!await HandleLineAsync(line, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Returns false when the person asked to leave.</summary>
    private async Task<bool> HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            switch (ConsoleLine.Parse(line, _session.Pressable))
            {
                case ConsoleLine.Quit:
                    return false;
                case ConsoleLine.ShowClock:
                    ShowClock();
                    break;
                case ConsoleLine.MoveClock(var by):
                    await MoveClockAsync(by, cancellationToken);
                    break;
                case ConsoleLine.MoveClockYears(var years):
                    await MoveClockYearsAsync(years, cancellationToken);
                    break;
                case ConsoleLine.MoveClockTo(var when):
                    await MoveClockToAsync(when, cancellationToken);
                    break;
                case ConsoleLine.ClockRefused(var reason):
                    WriteClockAnswer(reason);
                    break;
                case ConsoleLine.SwitchOrganizer(var name):
                    await SwitchOrganizerAsync(name, cancellationToken);
                    break;
                case ConsoleLine.ForEngine(var input):
                    await SendAsync(input, cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The line itself is not logged: it may hold private notes about a person.
            LogLineFailed(ex, _session.Organizer.Id);
            _io.Out.WriteLine(Oops);
            _io.Out.WriteLine();
        }

        return true;
    }

    private async Task SendAsync(Input input, CancellationToken cancellationToken)
    {
        // One scope per line, as a web request would have: the engine and its DbContext are scoped.
        await using var scope = _scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IConversationEngine>();
        var organizer = _session.Organizer;
        var inbound = new Inbound(organizer.Address, organizer.Name, input, EventId: null);

        foreach (var message in await engine.HandleAsync(inbound, cancellationToken))
        {
            _session.Print(message);
        }
    }

    private void ShowClock()
    {
        WriteClockAnswer(_clock is null
            ? "The clock can't be moved here."
            : $"It's {ConsoleClock.Describe(_clock.Now)} on the bot's clock. It's kept with the data file, so a restart " +
              "carries on from here. Move it ahead with /clock +3h, /clock +2d or /clock tomorrow 7pm to see reminders arrive.");
    }

    /// <summary>
    /// Shows the question an earlier run of the bot left waiting for whoever is typing now, before they
    /// type: otherwise their first line would be read with no question in sight.
    /// </summary>
    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<IConversationEngine>();
            foreach (var message in await engine.ResumeAsync(_session.Organizer.Address, cancellationToken))
            {
                _session.Print(message);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not fatal: the engine then shows the waiting question when the first line arrives instead.
            LogResumeFailed(ex, _session.Organizer.Id);
        }
    }

    /// <summary>
    /// <c>/clock +2d</c>: time travel for trying the follow-ups. Whatever falls due on the way is
    /// printed by the scheduler as it would arrive in a chat, under the time it would have arrived.
    /// </summary>
    private async Task MoveClockAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        if (_clock is null)
        {
            WriteClockAnswer("The clock can't be moved here.");
            return;
        }

        _session.WriteLine($"Moving the clock {Describe(by)} ahead...");
        var now = await _clock.AdvanceAsync(by, cancellationToken);
        WriteClockAnswer($"It's now {ConsoleClock.Describe(now)}.");
    }

    /// <summary><c>/clock tomorrow 7pm</c>: a wall-clock time in this machine's zone, read like any date the bot reads.</summary>
    private async Task MoveClockToAsync(string when, CancellationToken cancellationToken)
    {
        if (_clock is null)
        {
            WriteClockAnswer("The clock can't be moved here.");
            return;
        }

        var zone = ConsoleClock.Zone;
        var localNow = Zones.ToLocal(_clock.Now, zone);
        if (!WhenParser.TryRead(when, localNow, out ParsedWhen? target))
        {
            WriteClockAnswer($"I couldn't read “{when}” as an amount or a time. {ConsoleLine.ClockUsage}");
            return;
        }

        var by = Zones.ToUtc(target.Local, zone) - _clock.Now;
        if (by <= TimeSpan.Zero)
        {
            WriteClockAnswer($"{Zones.DescribeLocal(target.Local, localNow)} has already passed on the bot's clock " +
                             $"(it's {ConsoleClock.Describe(_clock.Now)}), and the clock only moves forward. {ConsoleLine.ClockUsage}");
        }
        else if (by > ConsoleLine.MaxClockMove)
        {
            WriteClockAnswer($"{Zones.DescribeLocal(target.Local, localNow)} is more than {ConsoleLine.MaxClockMoveText} ahead, " +
                             "the most /clock moves at a time; move it in steps such as /clock +1y.");
        }
        else
        {
            await MoveClockAsync(by, cancellationToken);
        }
    }

    /// <summary><c>/clock +1y</c>: the same date and time of day a year on, in this machine's zone (a leap day included).</summary>
    private async Task MoveClockYearsAsync(int years, CancellationToken cancellationToken)
    {
        if (_clock is null)
        {
            WriteClockAnswer("The clock can't be moved here.");
            return;
        }

        var zone = ConsoleClock.Zone;
        var target = Zones.ToLocal(_clock.Now, zone).AddYears(years);
        await MoveClockAsync(Zones.ToUtc(target, zone) - _clock.Now, cancellationToken);
    }

    private void WriteClockAnswer(string text)
    {
        _session.WriteLine(text);
        _session.WriteLine();
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 365 ? Years(span.TotalDays / 365.25)
        : span.TotalDays >= 1 ? $"{span.TotalDays:0.#} day{(span.TotalDays == 1 ? string.Empty : "s")}"
        : span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hour{(span.TotalHours == 1 ? string.Empty : "s")}"
        : $"{span.TotalMinutes:0} minute{(Math.Round(span.TotalMinutes) == 1 ? string.Empty : "s")}";

    private static string Years(double years) =>
        Math.Round(years, 1) == 1 ? "1 year" : string.Create(CultureInfo.InvariantCulture, $"{years:0.#} years");

    private async Task SwitchOrganizerAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            _io.Out.WriteLine($"You're {_session.Organizer.Name}. Type /as <name> to be someone else.");
            _io.Out.WriteLine();
            return;
        }

        _io.Out.WriteLine(_session.SwitchTo(name)
            ? $"Okay, you're {_session.Organizer.Name} again."
            : $"Okay, you're {_session.Organizer.Name} now (on the same team as everyone else here).");
        _io.Out.WriteLine();
        await ResumeAsync(cancellationToken);
    }

    private void WriteWelcome()
    {
        _io.Out.WriteLine("Welcome to OneOnOne.Bot, your practice partner for relational one-on-ones.");
        _io.Out.WriteLine("Type `help` to see what I can do.");
        _io.Out.WriteLine("While I'm asking you something, a line is your answer; start with / to run a command instead (/status).");
        _io.Out.WriteLine("Type /as <name> to switch organizer, /clock +2d to jump ahead and see reminders arrive; Ctrl+D or /quit to leave.");
        _io.Out.WriteLine();
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    private Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        // Console.In reads synchronously even through ReadLineAsync, so read on the pool and stop
        // waiting when the host stops; otherwise Ctrl+C would wait for one more line.
        Task.Run(_io.In.ReadLine, cancellationToken).WaitAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "The console adapter could not handle a line from {User}.")]
    private partial void LogLineFailed(Exception exception, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "The console adapter could not look for unfinished questions for {User}.")]
    private partial void LogResumeFailed(Exception exception, string user);
}
