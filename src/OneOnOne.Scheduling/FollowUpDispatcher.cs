using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;
using OneOnOne.Telemetry;

namespace OneOnOne.Scheduling;

/// <summary>What one dispatch pass did.</summary>
/// <param name="Held">Kept unsent until the organizer answers the pause question.</param>
public sealed record DispatchSummary(int Sent, int Deferred, int Dropped, int Cancelled, int Failed, int Held = 0)
{
    public static readonly DispatchSummary None = new(0, 0, 0, 0, 0);

    public DispatchSummary Add(DispatchSummary other) =>
        new(Sent + other.Sent, Deferred + other.Deferred, Dropped + other.Dropped, Cancelled + other.Cancelled, Failed + other.Failed,
            Held + other.Held);
}

/// <summary>
/// Sends the follow-ups that have fallen due, each at most once. The row is claimed (status Sending,
/// a compare-and-set in the database) before the message goes out and marked Sent with the platform's
/// message id after, so a second pass, a second instance or a crash can never send it twice.
/// </summary>
public sealed partial class FollowUpDispatcher(
    IOneOnOneStore store,
    IMessenger messenger,
    OrganizerNudges organizerNudges,
    TimeProvider time,
    IOptions<FollowUpOptions> options,
    BotMetrics metrics,
    ILogger<FollowUpDispatcher> logger)
{
    /// <summary>A claim older than this belongs to a pass that died mid-send.</summary>
    private static readonly TimeSpan AbandonedClaim = TimeSpan.FromMinutes(5);

    /// <summary>How long one pass keeps taking batches while they come back full; the next pass goes on from there.</summary>
    private static readonly TimeSpan PassBudget = TimeSpan.FromSeconds(20);

    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var summary = DispatchSummary.None;
        int taken;
        do
        {
            (var batch, taken) = await DispatchBatchAsync(ct);
            summary = summary.Add(batch);
        }
        while (taken == options.Value.DispatchBatchSize && time.GetElapsedTime(started) < PassBudget);

        metrics.FollowUpsDispatched(summary.Sent, summary.Failed, summary.Dropped);
        return summary;
    }

    /// <summary>
    /// The earliest moment a pass would find something to do: a pending follow-up's due time (or the end of its
    /// organizer's pause, if later), or a claim turning abandoned. For <c>/clock</c> to move straight there.
    /// Held follow-ups wait for the organizer, not for a time.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        var pending = store.FollowUps.Where(f => f.Status == FollowUpStatus.Pending);
        var due = await pending
            .Where(f => f.Organizer.PausedUntil == null || f.Organizer.PausedUntil <= f.DueAt)
            .OrderBy(f => f.DueAt)
            .Select(f => (DateTimeOffset?)f.DueAt)
            .FirstOrDefaultAsync(ct);
        var pauseEnds = await pending
            .Where(f => f.Organizer.PausedUntil > f.DueAt)
            .OrderBy(f => f.Organizer.PausedUntil)
            .Select(f => f.Organizer.PausedUntil)
            .FirstOrDefaultAsync(ct);
        var oldestClaim = await store.FollowUps.Where(f => f.Status == FollowUpStatus.Sending)
            .OrderBy(f => f.ClaimedAt)
            .Select(f => f.ClaimedAt)
            .FirstOrDefaultAsync(ct);
        return Earliest(due, pauseEnds, oldestClaim + AbandonedClaim + TimeSpan.FromTicks(1));
    }

    internal static DateTimeOffset? Earliest(params DateTimeOffset?[] instants) =>
        instants.Where(i => i is not null).DefaultIfEmpty().Min();

    /// <summary>One batch: untracked, so a pass that takes many batches does not grow one change tracker.</summary>
    private async Task<(DispatchSummary Summary, int Taken)> DispatchBatchAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await SettleAbandonedClaimsAsync(now, ct);
        await ReleaseAnsweredHoldsAsync(now, ct);

        var due = await store.FollowUps
            .Include(f => f.Organizer).ThenInclude(o => o.Team)
            .Include(f => f.Person)
            .Include(f => f.Meeting).ThenInclude(m => m!.Reflections)
            .Where(f => f.Status == FollowUpStatus.Pending && f.DueAt <= now
                        && (f.Organizer.PausedUntil == null || f.Organizer.PausedUntil <= now))
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id)
            .Take(options.Value.DispatchBatchSize)
            .AsSplitQuery()
            .AsNoTrackingWithIdentityResolution()
            .ToListAsync(ct);

        var unanswered = new Dictionary<int, int>();
        var summary = DispatchSummary.None;
        foreach (var followUp in due)
        {
            summary = summary.Add(await DispatchAsync(followUp, unanswered, now, ct));
        }

        return (summary, due.Count);
    }

    private async Task<DispatchSummary> DispatchAsync(FollowUp followUp, Dictionary<int, int> unanswered, DateTimeOffset now, CancellationToken ct)
    {
        var organizer = followUp.Organizer;
        var zone = Zones.TryFind(organizer.EffectiveTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        if (!unanswered.TryGetValue(organizer.Id, out var count))
        {
            count = await CountUnansweredAsync(organizer, now, ct);
            unanswered[organizer.Id] = count;
        }

        var decision = await organizerNudges.IsStillNeededAsync(followUp, now, ct)
            ? DeliveryDecision.For(followUp, organizer, count, now, zone, options.Value)
            : new DeliveryDecision.Cancel();
        switch (decision)
        {
            case DeliveryDecision.Defer defer:
                return await SetPendingAsync(followUp.Id, defer.At, ct) ? DispatchSummary.None with { Deferred = 1 } : DispatchSummary.None;
            case DeliveryDecision.Drop:
                return await FinishAsync(followUp.Id, FollowUpStatus.Dropped, ct) ? DispatchSummary.None with { Dropped = 1 } : DispatchSummary.None;
            case DeliveryDecision.Cancel:
                return await FinishAsync(followUp.Id, FollowUpStatus.Cancelled, ct) ? DispatchSummary.None with { Cancelled = 1 } : DispatchSummary.None;
            case DeliveryDecision.Hold:
                return await FinishAsync(followUp.Id, FollowUpStatus.Held, ct) ? DispatchSummary.None with { Held = 1 } : DispatchSummary.None;
            case DeliveryDecision.SuggestPause:
                if (!await FinishAsync(followUp.Id, FollowUpStatus.Held, ct))
                {
                    return DispatchSummary.None;
                }

                organizer.PauseSuggestedAt = now;
                await store.Organizers.Where(o => o.Id == organizer.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.PauseSuggestedAt, now), ct);
                await TrySendAsync(PauseSuggestion(organizer), ct);
                return DispatchSummary.None with { Held = 1 };
        }

        if (!await ClaimAsync(followUp.Id, now, ct))
        {
            return DispatchSummary.None; // Another pass or instance has it.
        }

        var message = FollowUpMessages.Compose(new FollowUpNote(
            followUp.Id, followUp.Kind, followUp.Person?.Name, followUp.PersonId, followUp.Meeting, zone, now)
        {
            Earlier = followUp is { Kind: FollowUpKind.PocketGuide, Meeting: { } meeting } ? await store.EarlierNotesAsync(meeting, ct) : [],
            ReferredBy = followUp is { Kind: FollowUpKind.PocketGuide, Meeting: { } referred } ? await store.ReferrerAsync(referred, ct) : null,
            Level = followUp.Person?.Level,
        });
        var outbound = new Outbound(new ToUser(AddressOf(organizer)), message.Blocks, DeliveryKey: $"followup:{followUp.Id}");
        try
        {
            var messageId = await messenger.SendAsync(outbound, ct);
            await store.FollowUps.Where(f => f.Id == followUp.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(f => f.Status, FollowUpStatus.Sent)
                    .SetProperty(f => f.SentAt, now)
                    .SetProperty(f => f.PlatformMessageId, messageId), ct);
            return DispatchSummary.None with { Sent = 1 };
        }
        catch (MessageNotDeliveredException exception) when (exception.Transient)
        {
            LogRetry(followUp.Id, exception.Message);
            await ReleaseAsync(followUp.Id, now + options.Value.RetryDelay, ct);
            return DispatchSummary.None with { Failed = 1 };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUndeliverable(exception, followUp.Id);
            await store.FollowUps.Where(f => f.Id == followUp.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FollowUpStatus.Dropped), ct);
            return DispatchSummary.None with { Failed = 1 };
        }
    }

    /// <summary>
    /// Follow-ups sent since the organizer last said or pressed anything, and long enough ago that they
    /// could have answered.
    /// </summary>
    private Task<int> CountUnansweredAsync(Organizer organizer, DateTimeOffset now, CancellationToken ct)
    {
        var since = organizer.LastSeenAt ?? organizer.CreatedAt;
        var waitedLongEnough = now - options.Value.UnansweredAfter;
        return store.FollowUps.CountAsync(f => f.OrganizerId == organizer.Id && f.Status == FollowUpStatus.Sent
                                               && f.SentAt > since && f.SentAt <= waitedLongEnough, ct);
    }

    /// <summary>The intent, recorded before sending: only the pass that moves the row from Pending owns it.</summary>
    private async Task<bool> ClaimAsync(int id, DateTimeOffset now, CancellationToken ct) =>
        await store.FollowUps.Where(f => f.Id == id && f.Status == FollowUpStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FollowUpStatus.Sending).SetProperty(f => f.ClaimedAt, now), ct) == 1;

    private Task<int> ReleaseAsync(int id, DateTimeOffset retryAt, CancellationToken ct) =>
        store.FollowUps.Where(f => f.Id == id && f.Status == FollowUpStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FollowUpStatus.Pending).SetProperty(f => f.DueAt, retryAt), ct);

    private async Task<bool> SetPendingAsync(int id, DateTimeOffset dueAt, CancellationToken ct) =>
        await store.FollowUps.Where(f => f.Id == id && f.Status == FollowUpStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DueAt, dueAt), ct) == 1;

    /// <summary>Moves a pending row on (dropped, cancelled, held); false when another pass got there first.</summary>
    private async Task<bool> FinishAsync(int id, FollowUpStatus status, CancellationToken ct) =>
        await store.FollowUps.Where(f => f.Id == id && f.Status == FollowUpStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, status), ct) == 1;

    /// <summary>
    /// Once an organizer has said or pressed anything after the pause question, what was held for them is
    /// due again, in the order it fell due: now, a tick apart, so the stale rule (measured from the due time)
    /// doesn't drop what the organizer chose to receive. A pause they chose keeps it waiting as any pause
    /// does; nudges turned off drop it; a reminder that no longer makes sense is cancelled when offered.
    /// </summary>
    private async Task ReleaseAnsweredHoldsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var held = await store.FollowUps
            .Where(f => f.Status == FollowUpStatus.Held && f.Organizer.LastSeenAt > f.Organizer.PauseSuggestedAt)
            .OrderBy(f => f.DueAt).ThenBy(f => f.Id)
            .Select(f => f.Id)
            .ToListAsync(ct);
        for (var i = 0; i < held.Count; i++)
        {
            var (id, dueAt) = (held[i], now - TimeSpan.FromTicks(held.Count - i));
            await store.FollowUps.Where(f => f.Id == id && f.Status == FollowUpStatus.Held)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FollowUpStatus.Pending).SetProperty(f => f.DueAt, dueAt), ct);
        }
    }

    /// <summary>
    /// A row left in Sending means a pass died between claiming and recording the send. It may or may not have
    /// reached the organizer: "at most once" means it is not sent again, and honesty means it is not called sent.
    /// </summary>
    private async Task SettleAbandonedClaimsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now - AbandonedClaim;
        var settled = await store.FollowUps.Where(f => f.Status == FollowUpStatus.Sending && f.ClaimedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FollowUpStatus.Unconfirmed), ct);
        if (settled > 0)
        {
            LogUnconfirmed(settled);
        }
    }

    private async Task TrySendAsync(Outbound message, CancellationToken ct)
    {
        try
        {
            await messenger.SendAsync(message, ct);
        }
        catch (MessageNotDeliveredException exception)
        {
            LogRetry(0, exception.Message);
        }
    }

    private static Outbound PauseSuggestion(Organizer organizer) =>
        new(new ToUser(AddressOf(organizer)), PauseQuestion.Ask().Blocks);

    private static Address AddressOf(Organizer organizer) =>
        new(organizer.Team.Platform, organizer.Team.ExternalId, organizer.ExternalUserId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} could not be delivered yet: {Reason}")]
    private partial void LogRetry(int followUpId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up {FollowUpId} could not be delivered and was dropped")]
    private partial void LogUndeliverable(Exception exception, int followUpId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} follow-up(s) were claimed by a pass that stopped mid-send; marked unconfirmed: they may not have arrived, and are not sent again")]
    private partial void LogUnconfirmed(int count);
}
