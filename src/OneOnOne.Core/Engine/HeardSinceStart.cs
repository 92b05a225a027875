using System.Collections.Concurrent;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Core.Engine;

/// <summary>
/// The organizers this process has heard from since it started, by platform, workspace and user. The one
/// piece of conversation state kept in memory rather than in a row, because the question it answers is
/// exactly "has this organizer talked to this process yet?": a restart must forget it.
/// </summary>
public sealed class HeardSinceStart
{
    private readonly ConcurrentDictionary<Address, bool> _heard = new();

    public bool Has(Address organizer) => _heard.ContainsKey(organizer);

    public void Remember(Address organizer) => _heard.TryAdd(organizer, true);
}
