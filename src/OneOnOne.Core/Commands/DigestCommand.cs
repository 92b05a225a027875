using System.Globalization;
using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Engine;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>digest</c> previews this week's team digest (counts and levels only, never notes);
/// <c>digest channel &lt;#channel&gt;</c> and <c>digest time &lt;day&gt; &lt;hh:mm&gt; [zone]</c> set where and when it is posted.
/// </summary>
public sealed class DigestCommand(IOneOnOneStore store, TeamDigestBuilder builder, IEnumerable<IDigestChartRenderer> charts) : ICommand
{
    public string Name => "digest";

    public CommandHelp Help { get; } = new(17, "digest [channel <#channel> | time <day> <hh:mm> [zone]]",
        "Preview this week's team digest, or set where and when it's posted (counts and levels only, never notes)", "digest channel #organizing");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var (verb, rest) = CommandLine.Split(arguments);
        return verb switch
        {
            "" => await PreviewAsync(context, ct),
            "channel" => await SetChannelAsync(context, rest, ct),
            "time" => await SetTimeAsync(context, rest, ct),
            _ => Reply.WithText("Try `digest` for a preview, `digest channel #organizing` or `digest time monday 09:00`."),
        };
    }

    private async Task<Reply> PreviewAsync(ConversationContext context, CancellationToken ct)
    {
        var digest = await builder.BuildAsync(context.Organizer.TeamId, context.Now, ct);
        var reply = DigestFormatter.Format(digest, context.Zone);
        foreach (var chart in charts.Take(1))
        {
            reply.File(new FileBlock(chart.FileName(context.Now), chart.ContentType, chart.Render(digest), "Team progress chart"));
        }

        var team = context.Organizer.Team;
        reply.Text(team.DigestChannel is null
            ? "This digest isn't posted anywhere yet. Choose a team channel with `digest channel #organizing`."
            : $"It's posted to {ChannelLabel(team)} on {DigestSchedule.Describe(team)}; next on {DescribeNext(team, team.NextDigestAt ?? context.Now, context)}.");
        return reply;
    }

    private async Task<Reply> SetChannelAsync(ConversationContext context, string text, CancellationToken ct)
    {
        if (ParseChannel(text) is not { } parsed)
        {
            return Reply.WithText("Which channel? For example `digest channel #organizing`.");
        }

        var (channel, name) = parsed;
        var team = context.Organizer.Team;
        team.DigestChannel = channel;
        team.DigestChannelName = name;
        team.DigestChannelChosenBy = context.Organizer.Id;
        team.NextDigestAt ??= DigestSchedule.Next(team, context.Now);
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"The weekly digest will go to {ChannelLabel(team)}, {DigestSchedule.Describe(team)}. " +
                              $"First one: {DescribeNext(team, team.NextDigestAt.Value, context)}. It shows counts and levels, never anyone's notes.");
    }

    private async Task<Reply> SetTimeAsync(ConversationContext context, string text, CancellationToken ct)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The zone, if any, is the last word and an IANA name ("Europe/Berlin"); the rest is a weekday and a time of day
        // in the same grammar as `schedule` ("friday 17:00", "fri 5pm", "monday at 9").
        var zoneWord = words.Length >= 3 && words[^1].Contains('/', StringComparison.Ordinal) ? words[^1] : null;
        var whenWords = zoneWord is null ? words : words[..^1];
        if (whenWords.Length < 2
            || !TryParseDay(whenWords[0].TrimEnd(',', '.'), out var day)
            || !WhenParser.TryRead(string.Join(' ', whenWords), context.LocalNow, out ParsedWhen? when)
            || when.Local.DayOfWeek != day)
        {
            return Reply.WithText("Tell me a day and a time, and a zone if you like: `digest time monday 09:00 Europe/Berlin` or `digest time friday 5pm`.");
        }

        var time = TimeOnly.FromDateTime(when.Local);
        string? zoneId = null;
        if (zoneWord is not null)
        {
            if (!Zones.TryFind(zoneWord, out var zone))
            {
                return Reply.WithText($"I don't know the time zone “{zoneWord}”. Use an IANA name such as `America/Chicago`.");
            }

            zoneId = zone.Id;
        }

        var team = context.Organizer.Team;
        team.DigestDay = day;
        team.DigestTime = time;
        team.DigestTimeZone = zoneId ?? team.DigestTimeZone;
        team.NextDigestAt = DigestSchedule.Next(team, context.Now);
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"The digest is now due {DigestSchedule.Describe(team)}; next on {DescribeNext(team, team.NextDigestAt.Value, context)}." +
                              (team.DigestChannel is null ? " Pick a channel with `digest channel #organizing`." : string.Empty));
    }

    /// <summary>
    /// "Mon 30 Nov, 09:00 (Europe/Berlin), 03:00 your time (America/New_York)": in the digest's own zone, as the
    /// schedule next to it is, and in the organizer's when that differs, each time with its zone.
    /// </summary>
    private static string DescribeNext(Team team, DateTimeOffset next, ConversationContext context)
    {
        var digestZone = DigestSchedule.ZoneOf(team);
        var inDigestZone = $"{Zones.Describe(next, digestZone, context.Now)} ({digestZone.Id})";
        if (string.Equals(digestZone.Id, context.Zone.Id, StringComparison.Ordinal))
        {
            return inDigestZone;
        }

        var local = Zones.ToLocal(next, context.Zone);
        var sameDay = Zones.ToLocal(next, digestZone).Date == local.Date;
        var yours = sameDay
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : Zones.Describe(next, context.Zone, context.Now);
        return $"{inDigestZone}, {yours} your time ({context.Zone.Id})";
    }

    /// <summary>
    /// Accepts "#organizing", a platform channel mention like &lt;#C123|organizing&gt; (Slack's escaped
    /// channel; Discord's adapter writes its resolved channel the same way), or a bare name. Gives the
    /// channel to post to and, when known, its name; a bare name is both.
    /// </summary>
    private static (string Channel, string? Name)? ParseChannel(string text)
    {
        var t = text.Trim();
        string? name = null;
        if (t.StartsWith("<#", StringComparison.Ordinal) && t.EndsWith('>'))
        {
            var parts = t[2..^1].Split('|', 2);
            t = parts[0];
            name = parts.Length == 2 ? CleanName(parts[1]) : null;
        }
        else
        {
            t = t.TrimStart('#');
            name = t;
        }

        return t.Length is > 0 and <= 64 && t.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? (t, name) : null;
    }

    private static string? CleanName(string name)
    {
        var cleaned = new string(name.Trim().TrimStart('#').Where(c => !char.IsControl(c) && c is not ('<' or '>' or '|' or '`' or '*')).ToArray()).Trim();
        return cleaned.Length is > 0 and <= 100 ? cleaned : null;
    }

    /// <summary>"#organizing": the channel's name when the platform told it, else what was stored.</summary>
    public static string ChannelLabel(Team team) => "#" + (team.DigestChannelName ?? team.DigestChannel);

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        var match = Enum.GetValues<DayOfWeek>()
            .Where(d => text.Length >= 3 && d.ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        day = match.FirstOrDefault();
        return match.Count == 1;
    }
}
