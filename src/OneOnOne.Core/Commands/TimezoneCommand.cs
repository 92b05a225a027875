using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.FollowUps;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>timezone &lt;IANA zone&gt;</c>: the zone every time is read and shown in. Booked 1:1s keep their
/// moment, and the reply lists how their clock time reads now; the organizer may keep their clock times
/// instead (<c>timezone keep-clock …</c>, from a button) or confirm the moments (<c>timezone keep-moments</c>).
/// </summary>
public sealed class TimezoneCommand(IOneOnOneStore store, FollowUpSync followUps, MeetingTransitions transitions) : ICommand
{
    private const string KeepClock = "keep-clock";
    private const string KeepMoments = "keep-moments";

    public string Name => "timezone";

    public CommandHelp Help { get; } = new(14, "timezone [<zone>]", "Your time zone, for every time I show or read", "timezone Europe/Berlin");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var (first, rest) = CommandLine.Split(arguments);
        switch (first)
        {
            case "":
                return Current(context);
            case KeepClock:
                return await KeepClockTimesAsync(context, rest, ct);
            case KeepMoments:
                return KeptMoments(context, await UpcomingAsync(context, ct));
        }

        if (!Zones.TryFind(arguments, out var zone))
        {
            return Reply.WithText($"I don't know the time zone “{arguments}”. Use an IANA name such as " +
                                  "`Europe/London`, `America/New_York` or `Asia/Kolkata`.");
        }

        var before = context.Zone;
        context.Organizer.TimeZone = zone.Id;
        context.ChangeZone(zone);

        // Quiet hours are the organizer's: reminders are re-planned by the new zone's night.
        var upcoming = await UpcomingAsync(context, ct);
        foreach (var meeting in upcoming)
        {
            await followUps.SyncAsync(meeting, context.Now, ct);
        }

        await store.SaveChangesAsync(ct);
        var reply = Reply.WithText($"Time zone set to {zone.Id}. It's {Zones.Describe(context.Now, zone, context.Now)} there now.");
        var moves = upcoming
            .Select(m => new ClockTimeMove(m.Id, m.StartsAt!.Value, Zones.ToUtc(Zones.ToLocal(m.StartsAt.Value, before), zone)))
            .Where(move => move.To != move.From)
            .ToList();
        return moves.Count == 0 ? reply : reply.Append(OfferToKeepClockTimes(upcoming, moves, before, zone, context.Now));
    }

    private static Reply Current(ConversationContext context)
    {
        var source = context.Organizer switch
        {
            { TimeZone: not null } => string.Empty,
            { PlatformTimeZone: not null } => " (from your chat profile)",
            _ => " (your team's default)",
        };
        return Reply.WithText($"Your time zone is {context.Zone.Id}{source}; it's {Zones.Describe(context.Now, context.Zone, context.Now)} there. " +
                              "Change it with `timezone America/Chicago` (any IANA zone name).");
    }

    private static Reply OfferToKeepClockTimes(
        IReadOnlyList<Meeting> upcoming, IReadOnlyList<ClockTimeMove> moves, TimeZoneInfo before, TimeZoneInfo after, DateTimeOffset now)
    {
        var names = upcoming.ToDictionary(m => m.Id, m => m.Person.Name);
        var lines = moves.Select(move =>
            $"• {names[move.MeetingId]}: {Zones.Describe(move.From, before, now)} in {before.Id} is {Zones.Describe(move.From, after, now)} in {after.Id}");
        return Reply.WithText((moves.Count == 1 ? "Your booked 1:1 stays at the same moment, so its clock time changes:\n"
                                                : "Your booked 1:1s stay at the same moment, so their clock times change:\n")
                              + string.Join('\n', lines))
            .Text("If you agreed those times by the clock where you are now, I can keep their clock times instead.")
            .Buttons(
                Payloads.Command("Keep their clock times", $"timezone {KeepClock} {string.Join(' ', moves)}"),
                Payloads.Command("Keep them as they are", $"timezone {KeepMoments}"));
    }

    /// <summary>Moves each listed 1:1 that is still where it was when the question was asked; says what happened to each.</summary>
    private async Task<Reply> KeepClockTimesAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var moves = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(token => ClockTimeMove.TryParse(token, out var move) ? move : null)
            .ToList();
        if (moves.Count == 0 || moves.Any(m => m is null))
        {
            return Reply.WithText("That button didn't carry the 1:1s to move. `status` shows your upcoming 1:1s; " +
                                  "`schedule <name> <when>` moves one.");
        }

        var ids = moves.Select(m => m!.MeetingId).ToList();
        var meetings = await store.Meetings.Include(m => m.Person).Include(m => m.Reflections)
            .Where(m => m.OrganizerId == context.Organizer.Id && ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, ct);

        var lines = new List<string>();
        var moved = 0;
        foreach (var move in moves.OfType<ClockTimeMove>())
        {
            if (!meetings.TryGetValue(move.MeetingId, out var meeting))
            {
                continue;
            }

            var name = meeting.Person.Name;
            if (meeting.Status != MeetingStatus.Scheduled)
            {
                lines.Add($"• {name}: not on the calendar any more ({Labels.Of(meeting.Status)}), so left alone");
            }
            else if (meeting.StartsAt == move.To)
            {
                lines.Add($"• {name}: already at {Zones.Describe(move.To, context.Zone, context.Now)}");
            }
            else if (meeting.StartsAt != move.From)
            {
                lines.Add($"• {name}: moved since, so left at {Zones.Describe(meeting.StartsAt!.Value, context.Zone, context.Now)}");
            }
            else if (move.To <= context.Now)
            {
                lines.Add($"• {name}: {Zones.Describe(move.To, context.Zone, context.Now)} has already passed, so left at {Zones.Describe(move.From, context.Zone, context.Now)}");
            }
            else
            {
                await transitions.ScheduleAsync(meeting, move.To, meeting.DurationMinutes, meeting.Place, context.Now, ct);
                lines.Add($"• {name}: now {Zones.Describe(move.To, context.Zone, context.Now)} (was {Zones.Describe(move.From, context.Zone, context.Now)})");
                moved++;
            }
        }

        var reply = Reply.WithText((moved > 0 ? "Kept their clock times:\n" : "Nothing to move:\n") + string.Join('\n', lines));
        return moved > 0
            ? reply.Text("Their reminders moved with them. If you sent calendar invitations, update them too.")
            : reply;
    }

    private static Reply KeptMoments(ConversationContext context, IReadOnlyList<Meeting> upcoming) =>
        Reply.WithText(upcoming.Count == 0
            ? "Nothing moved: you have no 1:1s booked."
            : $"Nothing moved: your 1:1s stay at the same moment, shown in {context.Zone.Id}:\n" +
              string.Join('\n', upcoming.Select(m => $"• {m.Person.Name}: {Zones.Describe(m.StartsAt!.Value, context.Zone, context.Now)}")));

    private Task<List<Meeting>> UpcomingAsync(ConversationContext context, CancellationToken ct) =>
        store.Meetings.Include(m => m.Person).Include(m => m.Reflections)
            .Where(m => m.OrganizerId == context.Organizer.Id && m.Status == MeetingStatus.Scheduled && m.StartsAt > context.Now)
            .OrderBy(m => m.StartsAt)
            .ToListAsync(ct);
}
