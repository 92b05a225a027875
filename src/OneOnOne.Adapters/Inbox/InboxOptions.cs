namespace OneOnOne.Adapters.Inbox;

/// <summary>
/// How the durable inbox works through what it holds, from the <c>Inbox</c> settings. Adapters set the first two
/// from their own (<c>Slack:Workers</c>, <c>Discord:Workers</c>, <c>Discord:QueueCapacity</c>).
/// </summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>How many organizers' lanes are worked on at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Items waiting before new ones are refused as "busy".</summary>
    public int Capacity { get; set; } = 1_000;

    /// <summary>Tries per item before it is given up on, so a poison item cannot block its organizer for ever.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The pause before the first retry; each later one waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a claim holds an item without word from its instance, which renews it while handling the item:
    /// after this long another instance takes over, as the holder must have died.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often an instance looks for items nobody is working on (left by a dead instance), and looks again at an
    /// organizer whose earlier item another instance is handling. With one instance, it only costs a small query.
    /// </summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Finished items are kept this long as de-duplication tombstones; platforms redeliver within minutes.</summary>
    public TimeSpan KeepFinishedFor { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Who holds a claim. Stable across restarts, so a restarted instance takes back at once what it held
    /// when it stopped, rather than wait for its own leases to run out.
    /// </summary>
    public string Owner { get; set; } = Environment.MachineName;
}
