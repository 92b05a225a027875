using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Meetings;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Flows;

/// <summary>
/// The short questions a date-time question asks when its answer was not quite a date and time: "What time on
/// Tue 8 Dec?" with the organizer's usual times as buttons, or "Does 12/03 mean Thu 3 Dec or Fri 12 Mar?".
/// </summary>
public sealed class WhenFollowUps(IOneOnOneStore store, UsualTimes usualTimes, TimeProvider time)
{
    /// <summary>The follow-up question, in place of <paramref name="question"/>'s own prompt.</summary>
    public async Task<Reply> AskAsync(FlowRun run, Question question, PendingWhen pending, FlowProgress progress, CancellationToken ct)
    {
        var (zone, localNow) = await ClockOfAsync(run.OrganizerId, ct);
        if (pending.WaitingDay is { } day)
        {
            var times = await usualTimes.OnAsync(run.OrganizerId, zone, day, localNow, ct);
            return new Reply()
                .Text($"{progress} What time on {Describe(day.Date, localNow)}?")
                .Text(times.Count > 0 ? "Press a time, or type another (like `18:30` or `6pm`)." : "Type a time, like `18:30` or `6pm`.")
                .Buttons(times.Select(t => Payloads.Answer(Label(t), run.Id, question.Id, Label(t))).ToList());
        }

        var (dayFirst, monthFirst) = pending.Readings!.Value;
        var readings = new[] { (Date: dayFirst, Value: PendingWhen.DayFirst), (Date: monthFirst, Value: PendingWhen.MonthFirst) }
            .OrderBy(r => r.Date)
            .ToList();
        return new Reply()
            .Text($"{progress} Does “{SlashDate(pending.Typed!)}” mean {Describe(readings[0].Date, localNow)} or {Describe(readings[1].Date, localNow)}?")
            .Text("I'll remember your answer for dates written with a slash.")
            .Buttons(readings.Select(r => Payloads.Answer(Describe(r.Date, localNow), run.Id, question.Id, r.Value)).ToList());
    }

    /// <summary>
    /// Reads the answer to the follow-up. Choosing how a slash date reads is remembered on the organizer (the
    /// <paramref name="note"/> says so), and the first answer is read again that way.
    /// </summary>
    public static AnswerResult Read(ConversationContext context, Question question, PendingWhen pending, string text, out string? note)
    {
        note = null;
        if (pending.WaitingDay is { } day)
        {
            return AnswerParser.ParseTimeOn(question, day, text, context.LocalNow, context.Zone);
        }

        var (dayFirst, monthFirst) = pending.Readings!.Value;
        if (PendingWhen.ReadOrder(text, Describe(dayFirst, context.LocalNow), Describe(monthFirst, context.LocalNow)) is not { } order)
        {
            // Not a choice: a new answer altogether ("dec 3 6pm"), read as usual.
            return AnswerParser.Parse(question, text, context.LocalNow, context.Zone, context.Organizer.DateOrder);
        }

        context.Organizer.DateOrder = order;
        var chosen = order == DateOrder.DayFirst ? dayFirst : monthFirst;
        var other = order == DateOrder.DayFirst ? DateOrder.MonthFirst : DateOrder.DayFirst;
        note = $"Got it: {Describe(chosen, context.LocalNow)}. From now on I'll read dates like “{SlashDate(pending.Typed!)}” " +
               $"{(order == DateOrder.DayFirst ? "day first" : "month first")}; `dates {Setting(other)}` changes that.";
        return AnswerParser.Parse(question, pending.Typed!, context.LocalNow, context.Zone, order);
    }

    /// <summary>The words the <c>dates</c> command takes for each order.</summary>
    public static string Setting(DateOrder order) => order == DateOrder.DayFirst ? PendingWhen.DayFirst : PendingWhen.MonthFirst;

    private async Task<(TimeZoneInfo Zone, DateTime LocalNow)> ClockOfAsync(int organizerId, CancellationToken ct)
    {
        var organizer = await store.Organizers.Include(o => o.Team).SingleAsync(o => o.Id == organizerId, ct);
        var zone = Zones.TryFind(organizer.EffectiveTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return (zone, Zones.ToLocal(time.GetUtcNow(), zone));
    }

    private static string Describe(DateOnly date, DateTime localNow) => Zones.DescribeLocalDate(date.ToDateTime(TimeOnly.MinValue), localNow);

    private static string Label(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The slash date within what was typed ("12/03" of "12/03 6pm"), to name it in the question.</summary>
    private static string SlashDate(string typed) =>
        typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Contains('/', StringComparison.Ordinal)) ?? typed;
}
