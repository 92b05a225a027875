using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Commands;
using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Scheduling;

/// <summary>
/// Posts each team's weekly digest to its channel when due. The team's next due time is moved on with a
/// compare-and-set before posting, so two passes or two instances post it once. A digest the platform could not
/// take for now is tried again (see <see cref="DigestRetry"/>) until it is a day late; one it refuses for good,
/// or gives up on, is explained by DM to the organizer who chose the channel.
/// </summary>
public sealed partial class DigestDispatcher(
    IOneOnOneStore store,
    TeamDigestBuilder builder,
    IEnumerable<IDigestChartRenderer> charts,
    IMessenger messenger,
    TimeProvider time,
    IOptions<FollowUpOptions> options,
    ILogger<DigestDispatcher> logger)
{
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await store.Teams
            .Where(t => t.DigestChannel != null && t.NextDigestAt != null && t.NextDigestAt <= now)
            .ToListAsync(ct);

        var posted = 0;
        foreach (var team in due)
        {
            posted += await DispatchAsync(team, now, ct) ? 1 : 0;
        }

        return posted;
    }

    /// <summary>The earliest moment a digest (or a retry of one) falls due, for <c>/clock</c> to move straight to.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken ct) =>
        store.Teams.Where(t => t.DigestChannel != null && t.NextDigestAt != null)
            .OrderBy(t => t.NextDigestAt)
            .Select(t => t.NextDigestAt)
            .FirstOrDefaultAsync(ct);

    private async Task<bool> DispatchAsync(Team team, DateTimeOffset now, CancellationToken ct)
    {
        var attemptAt = team.NextDigestAt!.Value;
        var digestTime = DigestRetry.DigestTimeOf(team, attemptAt, options.Value.StaleAfter);
        var isRetry = attemptAt != digestTime;
        var nextWeek = DigestSchedule.Next(team, now);
        var claimed = await store.Teams.Where(t => t.Id == team.Id && t.NextDigestAt == attemptAt)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDigestAt, nextWeek), ct);
        if (claimed == 0)
        {
            return false;
        }

        var deadline = DigestRetry.Deadline(team, digestTime, options.Value.StaleAfter);
        if (now > deadline)
        {
            // Down past the deadline: a digest nobody tried is skipped quietly; one that had been failing is given up, and said so.
            LogSkipped(team.Id);
            if (isRetry)
            {
                await TellOrganizersAsync(team, zone => GaveUp(team, digestTime, nextWeek, lastAnswer: null, zone, now), ct);
            }

            return false;
        }

        // The week that ended at the digest's time, however late it goes out: a 1:1 held since belongs to next week's.
        var digest = await builder.BuildAsync(team.Id, digestTime, ct);
        var reply = DigestFormatter.Format(digest, DigestSchedule.ZoneOf(team));
        foreach (var chart in charts.Take(1))
        {
            reply.File(new FileBlock(chart.FileName(digestTime), chart.ContentType, chart.Render(digest), "Team progress chart"));
        }

        try
        {
            await messenger.SendAsync(new Outbound(new ToChannel(team.Platform, team.ExternalId, team.DigestChannel!), reply.Blocks), ct);
            if (isRetry)
            {
                LogPostedLate(team.Id, now - digestTime);
            }

            return true;
        }
        catch (MessageNotDeliveredException exception) when (exception.Transient)
        {
            if (DigestRetry.After(digestTime, now, deadline, options.Value.RetryDelay) is { } retryAt)
            {
                LogRetrying(team.Id, exception.Message, retryAt);
                await store.Teams.Where(t => t.Id == team.Id && t.NextDigestAt == nextWeek)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDigestAt, retryAt), ct);
            }
            else
            {
                LogGaveUp(team.Id, exception.Message);
                await TellOrganizersAsync(team, zone => GaveUp(team, digestTime, nextWeek, exception.Message, zone, now), ct);
            }
        }
        catch (MessageNotDeliveredException exception)
        {
            LogFailed(team.Id, exception.Message);
            await TellOrganizersAsync(team, _ => Refused(team, exception.Message), ct);
        }

        return false;
    }

    private static string Refused(Team team, string reason) =>
        $"This week's team digest couldn't be posted to {DigestCommand.ChannelLabel(team)}. {reason} " +
        "Or choose another channel with `digest channel #name`. I'll try again at the next digest time.";

    private static string GaveUp(Team team, DateTimeOffset digestTime, DateTimeOffset nextWeek, string? lastAnswer, TimeZoneInfo zone, DateTimeOffset now) =>
        $"This week's team digest, due {Zones.Describe(digestTime, zone, now)}, couldn't be posted to {DigestCommand.ChannelLabel(team)}. " +
        (lastAnswer is null
            ? "The platform didn't take it then, and I was offline until it was too late to be useful, so I've let it go."
            : $"I kept trying for a day; it's too late to be useful now, so I've let it go. The last answer I got: {lastAnswer}") +
        $" Next week's is due {Zones.Describe(nextWeek, zone, now)}; if this keeps happening, choose another channel with `digest channel #name`.";

    /// <summary>
    /// The organizer who chose the channel hears it by DM; for a channel chosen before that was kept, every organizer
    /// of the team, since any of them can fix it. Each reads the times in their own zone.
    /// </summary>
    private async Task TellOrganizersAsync(Team team, Func<TimeZoneInfo, string> message, CancellationToken ct)
    {
        var organizers = store.Organizers.Include(o => o.Team).Where(o => o.TeamId == team.Id);
        var chooser = team.DigestChannelChosenBy is { } chosenBy ? await organizers.Where(o => o.Id == chosenBy).ToListAsync(ct) : [];
        var recipients = chooser.Count > 0 ? chooser : await organizers.OrderBy(o => o.Id).ToListAsync(ct);
        foreach (var organizer in recipients)
        {
            var zone = Zones.TryFind(organizer.EffectiveTimeZone, out var found) ? found : TimeZoneInfo.Utc;
            try
            {
                var to = new ToUser(new Address(team.Platform, team.ExternalId, organizer.ExternalUserId));
                await messenger.SendAsync(new Outbound(to, [new TextBlock(message(zone))]), ct);
            }
            catch (MessageNotDeliveredException exception)
            {
                LogNotTold(team.Id, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest is too late to post (the bot was down); skipped until next week")]
    private partial void LogSkipped(int teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest could not be posted: {Reason}")]
    private partial void LogFailed(int teamId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest could not be posted yet: {Reason}; trying again at {RetryAt:u}")]
    private partial void LogRetrying(int teamId, string reason, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest could not be posted for a day and was given up: {Reason}")]
    private partial void LogGaveUp(int teamId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId}'s digest was posted {Late} late, after the platform failed to take it")]
    private partial void LogPostedLate(int teamId, TimeSpan late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s organizer could not be told that the digest failed: {Reason}")]
    private partial void LogNotTold(int teamId, string reason);
}
