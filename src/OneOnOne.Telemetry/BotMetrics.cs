using System.Diagnostics;
using System.Diagnostics.Metrics;
using OneOnOne.Core.Commands;

namespace OneOnOne.Telemetry;

/// <summary>
/// The bot's one <see cref="Meter"/> (<see cref="MeterName"/>) and its instruments. Each records one thing an operator
/// watches; tags are low-cardinality words (a platform, a command word, an outcome), never what an organizer typed,
/// a name or an id. The host exports it (Prometheus on <c>/metrics</c>, OTLP when configured).
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "OneOnOne.Bot";

    /// <summary>What a command that isn't one of the bot's words counts as, so typos can't grow the tag's values.</summary>
    public const string OtherCommand = "other";

    // Slack and Discord both give the bot 3 seconds; the buckets are finest well inside that.
    private static readonly double[] AcknowledgementBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5];

    private readonly CommandIndex? _commandWords;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _acknowledgements;
    private readonly Counter<long> _followUps;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _gatewayReconnects;

    /// <param name="commandWords">The engine's commands; absent where no engine runs (a platform client on its own), and no command arrives there.</param>
    public BotMetrics(IMeterFactory meters, IEnumerable<InboxDepth> inboxes, CommandIndex? commandWords = null)
    {
        _commandWords = commandWords;
        var meter = meters.Create(MeterName);
        _commands = meter.CreateCounter<long>("oneonone.commands.handled", "{command}", "Commands organizers sent, by platform and command word.");
        _acknowledgements = meter.CreateHistogram(
            "oneonone.acknowledgement.duration", "s", "From a delivery's arrival to the platform's acknowledgement leaving, by platform.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AcknowledgementBuckets });
        _followUps = meter.CreateCounter<long>("oneonone.followups", "{follow-up}", "Follow-ups by outcome: sent, failed (tried again later) or dropped.");
        _rateLimited = meter.CreateCounter<long>("oneonone.platform.rate_limited", "{response}", "429 answers from the platform's API, by platform.");
        _gatewayReconnects = meter.CreateCounter<long>("oneonone.gateway.reconnects", "{reconnect}", "Discord Gateway connections that ended and were opened again.");

        var depths = inboxes.ToList();
        meter.CreateObservableGauge(
            "oneonone.inbox.depth", () => depths.Select(depth => new Measurement<int>(depth.Read())), "{item}",
            "Deliveries stored in the durable inbox and not yet finished by this instance.");
    }

    /// <summary>A command from an organizer; only its first word is kept, and only when it is one of the bot's commands.</summary>
    public void CommandHandled(string platform, string commandText) =>
        _commands.Add(1, new("platform", platform), new("command", CommandWord(commandText)));

    /// <summary>An acknowledgement left; <paramref name="arrived"/> is the <see cref="Stopwatch.GetTimestamp"/> taken when the delivery came in.</summary>
    public void Acknowledged(string platform, long arrived) =>
        _acknowledgements.Record(Stopwatch.GetElapsedTime(arrived).TotalSeconds, new KeyValuePair<string, object?>("platform", platform));

    /// <summary>What one dispatch pass did with the follow-ups that fell due.</summary>
    public void FollowUpsDispatched(int sent, int failed, int dropped)
    {
        AddFollowUps("sent", sent);
        AddFollowUps("failed", failed);
        AddFollowUps("dropped", dropped);
    }

    public void RateLimited(string platform) => _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void GatewayReconnected() => _gatewayReconnects.Add(1);

    private void AddFollowUps(string outcome, int count)
    {
        if (count > 0)
        {
            _followUps.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private string CommandWord(string text)
    {
        var word = text.AsSpan().Trim();
        var end = word.IndexOfAny(' ', '\t', '\n');
        var first = (end < 0 ? word : word[..end]).ToString().ToLowerInvariant();
        return _commandWords?.TryFind(first, out _) == true ? first : OtherCommand;
    }
}
