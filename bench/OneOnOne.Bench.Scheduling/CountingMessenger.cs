using System.Collections.Concurrent;
using System.Globalization;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// The fake platform: counts every send per follow-up id (read back from the nudge's own buttons, which all
/// carry <c>followup &lt;id&gt; ...</c>), and the "pause for a while?" suggestions, which carry no id.
/// </summary>
internal sealed class CountingMessenger(TimeSpan latency = default) : IPlatformMessenger
{
    private const string FollowUpPayload = "c:followup ";

    private int _sends;

    public string Platform => Seeder.Platform;

    public ConcurrentDictionary<int, int> PerFollowUp { get; } = new();

    public ConcurrentDictionary<string, int> PauseSuggestionsPerUser { get; } = new();

    public int Sends => Volatile.Read(ref _sends);

    public int Unrecognized { get; private set; }

    public async Task<string?> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        var sequence = Interlocked.Increment(ref _sends);
        var id = FollowUpId(message);
        if (id is { } followUpId)
        {
            PerFollowUp.AddOrUpdate(followUpId, 1, (_, count) => count + 1);
            return string.Create(CultureInfo.InvariantCulture, $"bench-{followUpId}-{sequence}");
        }

        if (message.To is ToUser user && message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons)
                .Any(b => b.Payload.Contains("pause for", StringComparison.Ordinal)))
        {
            PauseSuggestionsPerUser.AddOrUpdate(user.Address.User, 1, (_, count) => count + 1);
        }
        else
        {
            Unrecognized++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"bench-other-{sequence}");
    }

    public void Reset()
    {
        PerFollowUp.Clear();
        PauseSuggestionsPerUser.Clear();
        Unrecognized = 0;
        _sends = 0;
    }

    private static int? FollowUpId(Outbound message)
    {
        foreach (var button in message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons))
        {
            if (button.Payload.StartsWith(FollowUpPayload, StringComparison.Ordinal))
            {
                var rest = button.Payload.AsSpan(FollowUpPayload.Length);
                var end = rest.IndexOf(' ');
                if (int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return id;
                }
            }
        }

        return null;
    }
}
