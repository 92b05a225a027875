using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Digests;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Messaging;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>digest</c> previews this week's team digest (counts and levels only, never notes);
/// <c>digest channel &lt;#channel&gt; [&lt;day&gt; &lt;hh:mm&gt; [zone]]</c> and <c>digest time &lt;day&gt; &lt;hh:mm&gt; [zone]</c> set where
/// and when it is posted. A chosen channel is checked with the platform at once, so the organizer learns then what to
/// fix; a channel the bot can't use yet is still kept (the organizer meant it), and the digest waits for the fix.
/// </summary>
public sealed class DigestCommand(
    IOneOnOneStore store, TeamDigestBuilder builder, IEnumerable<IDigestChartRenderer> charts, IChannelCheck channelCheck) : ICommand
{
    public string Name => "digest";

    public CommandHelp Help { get; } = new(17, "digest [channel <#channel> [<day> <hh:mm> [zone]] | time <day> <hh:mm> [zone]]",
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
        // The channel is one word (a mention carries no spaces); a day, time and zone may follow it.
        var (channelText, timingText) = SplitChannel(text);
        if (ParseChannel(channelText) is not { } parsed)
        {
            return Reply.WithText("Which channel? For example `digest channel #organizing`, or `digest channel #organizing monday 09:00` to set the time too.");
        }

        DigestTiming? timing = null;
        if (timingText.Length > 0)
        {
            // Read it all before saving anything, so a bad time never leaves the channel half-changed.
            if (!TryReadTiming(timingText, context, out timing, out var problem))
            {
                return Reply.WithText($"{problem} I haven't changed anything. " +
                                      "Try `digest channel #organizing monday 09:00`, with a zone if you like: `digest channel #organizing friday 5pm Europe/Berlin`.");
            }
        }

        var (channel, name) = parsed;
        var team = context.Organizer.Team;
        var access = await channelCheck.CheckAsync(new ToChannel(team.Platform, team.ExternalId, channel), ct);

        team.DigestChannel = channel;
        team.DigestChannelName = name;
        team.DigestChannelChosenBy = context.Organizer.Id;
        if (timing is not null)
        {
            Apply(team, timing);
            team.NextDigestAt = DigestSchedule.Next(team, context.Now);
        }

        team.NextDigestAt ??= DigestSchedule.Next(team, context.Now);
        await store.SaveChangesAsync(ct);

        var label = ChannelLabel(team);
        var due = DigestSchedule.Describe(team);
        var next = DescribeNext(team, team.NextDigestAt.Value, context);
        return Reply.WithText(access switch
        {
            ChannelAccess.Closed closed =>
                $"I've kept {label} as the digest channel, but I can't post there yet. {closed.Fix} " +
                $"The digest won't go out until that's fixed; then run `digest channel {label}` again and I'll check. " +
                $"It's due {due}; the next one is on {next}.",
            ChannelAccess.Unknown =>
                $"The weekly digest will go to {label}, {due}. First one: {next}. " +
                "I couldn't check just now whether I can post there; I'll find out when the first one goes out, and if I can't, I'll tell you by DM what to fix.",
            _ => $"The weekly digest will go to {label}, {due}. First one: {next}. It shows counts and levels, never anyone's notes.",
        });
    }

    private async Task<Reply> SetTimeAsync(ConversationContext context, string text, CancellationToken ct)
    {
        if (!TryReadTiming(text, context, out var timing, out var problem))
        {
            return Reply.WithText($"{problem} Tell me a day and a time, and a zone if you like: " +
                                  "`digest time monday 09:00 Europe/Berlin` or `digest time friday 5pm`.");
        }

        var team = context.Organizer.Team;
        Apply(team, timing);
        team.NextDigestAt = DigestSchedule.Next(team, context.Now);
        await store.SaveChangesAsync(ct);
        return Reply.WithText($"The digest is now due {DigestSchedule.Describe(team)}; next on {DescribeNext(team, team.NextDigestAt.Value, context)}." +
                              (team.DigestChannel is null ? " Pick a channel with `digest channel #organizing`." : string.Empty));
    }

    /// <summary>A weekly digest time as typed: a weekday, a time of day and, when given, the zone they are in.</summary>
    private sealed record DigestTiming(DayOfWeek Day, TimeOnly Time, TimeZoneInfo? Zone);

    private static void Apply(Team team, DigestTiming timing)
    {
        team.DigestDay = timing.Day;
        team.DigestTime = timing.Time;
        team.DigestTimeZone = timing.Zone?.Id ?? team.DigestTimeZone;
    }

    /// <summary>
    /// Reads "friday 17:00", "fri 5pm", "monday at 9" (the grammar <c>schedule</c> uses), optionally followed by an
    /// IANA zone ("Europe/Berlin", "UTC"). On failure, <paramref name="problem"/> names what was wrong.
    /// </summary>
    private static bool TryReadTiming(string text, ConversationContext context, [NotNullWhen(true)] out DigestTiming? timing, [NotNullWhen(false)] out string? problem)
    {
        timing = null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var zoneWord = words.Length >= 3 && LooksLikeZone(words[^1]) ? words[^1] : null;
        var whenWords = zoneWord is null ? words : words[..^1];
        var typed = string.Join(' ', whenWords);
        if (whenWords.Length < 2
            || !TryParseDay(whenWords[0].TrimEnd(',', '.'), out var day)
            || !WhenParser.TryRead(typed, context.LocalNow, out ParsedWhen? when)
            || when.Local.DayOfWeek != day)
        {
            problem = words.Length == 0 ? "I need a day and a time." : $"I couldn't read “{typed}” as a weekday and a time.";
            return false;
        }

        TimeZoneInfo? zone = null;
        if (zoneWord is not null && !Zones.TryFind(zoneWord, out zone))
        {
            problem = $"I don't know the time zone “{zoneWord}”. Use an IANA name such as `America/Chicago` or `UTC`.";
            return false;
        }

        timing = new DigestTiming(day, TimeOnly.FromDateTime(when.Local), zone);
        problem = null;
        return true;
    }

    /// <summary>An IANA name ("Europe/Berlin") or a zone known by a bare name ("UTC"); never a word of the time itself.</summary>
    private static bool LooksLikeZone(string word) =>
        word.Contains('/', StringComparison.Ordinal) || (word.Any(char.IsAsciiLetterUpper) && Zones.TryFind(word, out _));

    private static (string Channel, string After) SplitChannel(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
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
