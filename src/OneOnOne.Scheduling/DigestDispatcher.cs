using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Digests;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Scheduling;

/// <summary>
/// Posts each team's weekly digest to its channel when due. The team's next due time is moved on
/// with a compare-and-set before posting, so two passes or two instances post it once.
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
            var dueAt = team.NextDigestAt!.Value;
            var next = DigestSchedule.Next(team, now);
            var claimed = await store.Teams.Where(t => t.Id == team.Id && t.NextDigestAt == dueAt)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextDigestAt, next), ct);
            if (claimed == 0)
            {
                continue;
            }

            if (now - dueAt > options.Value.StaleAfter)
            {
                LogSkipped(team.Id);
                continue;
            }

            var digest = await builder.BuildAsync(team.Id, now, ct);
            var zone = Zones.TryFind(team.DigestTimeZone ?? team.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var reply = DigestFormatter.Format(digest, zone);
            foreach (var chart in charts.Take(1))
            {
                reply.File(new FileBlock(chart.FileName(now), chart.ContentType, chart.Render(digest), "Team progress chart"));
            }

            try
            {
                await messenger.SendAsync(new Outbound(new ToChannel(team.Platform, team.ExternalId, team.DigestChannel!), reply.Blocks), ct);
                posted++;
            }
            catch (MessageNotDeliveredException exception)
            {
                LogFailed(team.Id, exception.Message);
            }
        }

        return posted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest fell due while the bot was down; skipped until next week")]
    private partial void LogSkipped(int teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest could not be posted: {Reason}")]
    private partial void LogFailed(int teamId, string reason);
}
