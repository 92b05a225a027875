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
                if (!exception.Transient)
                {
                    await TellOrganizersAsync(team, exception.Message, ct);
                }
            }
        }

        return posted;
    }

    /// <summary>
    /// A refusal the team can fix (the bot isn't in the channel, may not post there, the channel is gone) goes to
    /// the organizer who chose the channel, by DM; for a channel chosen before that was kept, to every organizer
    /// of the team, since any of them can fix it. A platform that is only down for a while is not worth a DM.
    /// </summary>
    private async Task TellOrganizersAsync(Team team, string reason, CancellationToken ct)
    {
        var organizers = store.Organizers.Where(o => o.TeamId == team.Id);
        var chooser = team.DigestChannelChosenBy is { } chosenBy
            ? await organizers.Where(o => o.Id == chosenBy).Select(o => o.ExternalUserId).ToListAsync(ct)
            : [];
        var recipients = chooser.Count > 0 ? chooser : await organizers.OrderBy(o => o.Id).Select(o => o.ExternalUserId).ToListAsync(ct);
        var text = $"This week's team digest couldn't be posted to {DigestCommand.ChannelLabel(team)}. {reason} " +
                   "Or choose another channel with `digest channel #name`. I'll try again at the next digest time.";
        foreach (var user in recipients)
        {
            try
            {
                await messenger.SendAsync(new Outbound(new ToUser(new Address(team.Platform, team.ExternalId, user)), [new TextBlock(text)]), ct);
            }
            catch (MessageNotDeliveredException exception)
            {
                LogNotTold(team.Id, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest fell due while the bot was down; skipped until next week")]
    private partial void LogSkipped(int teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s digest could not be posted: {Reason}")]
    private partial void LogFailed(int teamId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}'s organizer could not be told that the digest failed: {Reason}")]
    private partial void LogNotTold(int teamId, string reason);
}
