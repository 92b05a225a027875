using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Wire;
using OneOnOne.Telemetry;

namespace OneOnOne.Discord.Socket;

/// <summary>
/// Keeps the bot connected to the Gateway for as long as the host runs: connect, and whenever a
/// connection ends, resume the session on Discord's resume URL (or identify afresh when Discord says
/// the session is gone), backing off while connections keep failing. Start-up waits for the first
/// READY, so a wrong token or a refused intent stops the bot with a sentence naming the setting; the
/// same failure later stops the host the same way.
/// </summary>
internal sealed partial class GatewayClient(
    DiscordRestClient rest,
    IGatewayEvents events,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    PlatformConnection link,
    BotMetrics metrics,
    ILogger<GatewayClient> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly GatewaySession _session = new();
    private readonly TaskCompletionSource _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private GatewayBotInfo? _startInfo;
    private Task _running = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.UseGateway)
        {
            return;
        }

        link.Connecting();
        try
        {
            _startInfo = await rest.GetGatewayBotAsync(cancellationToken);
        }
        catch (DiscordApiException exception) when (exception.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException("Discord rejected the bot token (401). Check Discord:BotToken: copy it again from the Developer Portal (your application → Bot → Reset Token).", exception);
        }
        catch (DiscordApiException exception)
        {
            // Discord is having a moment; the connection loop asks again.
            LogGatewayUrlUnavailable(exception.Message);
        }

        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        await Task.WhenAny(_firstReady.Task, Task.Delay(options.Value.ReadyTimeout, time, cancellationToken));

        // Closing the start-up wait tells a later fatal close that nobody is waiting for it any more, so
        // it must stop the host itself. If READY or a fatal close won the race, this observes it.
        if (_firstReady.TrySetCanceled(CancellationToken.None))
        {
            LogStillConnecting();
        }
        else
        {
            await _firstReady.Task;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out; the socket goes with the process.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            GatewayOutcome outcome;
            var ready = false;
            try
            {
                var url = _session.CanResume ? _session.ResumeUrl! : await IdentifyUrlAsync(stopping);
                using var connection = new GatewayConnection(_session, new ReadySignal(events, _firstReady, link), options.Value.Token, options.Value.ReconnectDelay, time, logger);
                outcome = await connection.RunAsync(ConnectionUri(url), stopping);
                ready = connection.ReachedReady;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                outcome = new GatewayOutcome.Reconnect(Resume: true, exception.Message);
            }

            switch (outcome)
            {
                case GatewayOutcome.Stopped:
                    return;
                case GatewayOutcome.Fatal fatal:
                    // While start-up still waits, failing it stops the bot with the reason; after that,
                    // whether READY came or the wait ran out, only stopping the host does.
                    LogFatal(fatal.Reason);
                    if (!_firstReady.TrySetException(new InvalidOperationException(fatal.Reason)))
                    {
                        lifetime.StopApplication();
                    }

                    return;
                case GatewayOutcome.Reconnect reconnect:
                    link.Connecting();
                    metrics.GatewayReconnected();
                    if (!reconnect.Resume)
                    {
                        _session.Reset();
                    }

                    failures = ready ? 0 : failures + 1;
                    var delay = reconnect.Delay ?? Backoff(failures);
                    LogReconnecting(reconnect.Reason, reconnect.Resume && _session.CanResume, delay.TotalMilliseconds);
                    try
                    {
                        await Task.Delay(delay, time, stopping);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Where to identify, once Discord's daily budget of identifies allows one: asked afresh each time
    /// (identifies are rare), since going past the budget makes Discord reset the bot token.
    /// </summary>
    private async Task<string> IdentifyUrlAsync(CancellationToken stopping)
    {
        var info = Interlocked.Exchange(ref _startInfo, null) ?? await rest.GetGatewayBotAsync(stopping);
        if (info.SessionStartLimit is { Remaining: <= 0, ResetAfter: > 0 } limit)
        {
            var wait = TimeSpan.FromMilliseconds(limit.ResetAfter);
            LogIdentifiesUsedUp(limit.Total, time.GetUtcNow() + wait);
            await Task.Delay(wait, time, stopping);
        }

        return info.Url;
    }

    /// <summary>None after a healthy connection; then doubling with jitter, up to a minute.</summary>
    private TimeSpan Backoff(int failures) => failures == 0
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, (long)(options.Value.ReconnectDelay.Ticks * Math.Pow(2, failures - 1) * (0.5 + Random.Shared.NextDouble() / 2))));

    /// <summary>Version and encoding go on every URL, the resume URL included.</summary>
    private static Uri ConnectionUri(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    /// <summary>Passes events on, lets start-up know the first READY arrived, and readiness that the session is up (READY or RESUMED).</summary>
    private sealed class ReadySignal(IGatewayEvents inner, TaskCompletionSource firstReady, PlatformConnection link) : IGatewayEvents
    {
        public void OnReady(Wire.ReadyData ready)
        {
            link.Opened();
            inner.OnReady(ready);
            firstReady.TrySetResult();
        }

        public void OnDispatch(string eventName, System.Text.Json.JsonElement data)
        {
            if (eventName == "RESUMED")
            {
                link.Opened();
            }

            inner.OnDispatch(eventName, data);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason} Stopping the bot: reconnecting can't fix this, the setting has to change.")]
    private partial void LogFatal(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway connection ended ({Reason}); reconnecting (resume: {Resume}) in {Milliseconds} ms")]
    private partial void LogReconnecting(string reason, bool resume, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "All {Total} Gateway logins Discord allows a day are used up; connecting again when they reset at {ResetAt:u}. Frequent restarts or reconnects use them up: look for earlier warnings.")]
    private partial void LogIdentifiesUsedUp(int total, DateTimeOffset resetAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Couldn't ask Discord for the Gateway URL yet: {Reason}")]
    private partial void LogGatewayUrlUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Discord Gateway isn't ready yet; carrying on and connecting in the background")]
    private partial void LogStillConnecting();
}
