using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Storage;
using OneOnOne.Core.Time;

namespace OneOnOne.Core.Commands;

/// <summary>
/// <c>dates day-first|month-first|ask</c>: how the organizer writes a date such as 12/03 (12 March or 3 December).
/// Until they say, such a date gets a short question; a date with a part over 12 ("25/12") needs no convention.
/// </summary>
public sealed class DatesCommand(IOneOnOneStore store) : ICommand
{
    private const string Ask = "ask";

    public string Name => "dates";

    public CommandHelp Help { get; } = new(14, "dates [day-first|month-first|ask]",
        "How you write dates like 12/03: 12 Mar (day first) or 3 Dec (month first)", "dates day-first");

    public async Task<Reply> ExecuteAsync(ConversationContext context, string arguments, CancellationToken ct)
    {
        var said = arguments.Trim().ToLowerInvariant().Replace(' ', '-');
        if (said.Length == 0)
        {
            return Reply.WithText(Current(context.Organizer.DateOrder));
        }

        if (!TryRead(said, out var order))
        {
            return Reply.WithText($"I don't know “{arguments.Trim()}” here. Type `dates day-first` (12/03 is 12 March), " +
                                  "`dates month-first` (12/03 is 3 December), or `dates ask` to be asked when a date could be either.");
        }

        var before = context.Organizer.DateOrder;
        context.Organizer.DateOrder = order;
        await store.SaveChangesAsync(ct);
        return Reply.WithText(order is { } chosen
            ? $"{(before == chosen ? "Already so" : "Done")}: from now on I read dates like 12/03 {Describe(chosen)}."
            : before is null
                ? "Already so: when a date like 12/03 could be either, I ask which you mean."
                : "Done: when a date like 12/03 could be either, I'll ask which you mean.");
    }

    /// <summary>The order named; "ask" names none (<paramref name="order"/> null). False for a word this command doesn't know.</summary>
    private static bool TryRead(string said, out DateOrder? order)
    {
        order = said switch
        {
            "day-first" or "dayfirst" or "dd/mm" => DateOrder.DayFirst,
            "month-first" or "monthfirst" or "mm/dd" => DateOrder.MonthFirst,
            _ => null,
        };
        return order is not null || said == Ask;
    }

    private static string Describe(DateOrder order) =>
        order == DateOrder.DayFirst ? "day first (12/03 is 12 March)" : "month first (12/03 is 3 December)";

    private static string Current(DateOrder? order) =>
        order is { } set
            ? $"I read dates like 12/03 {Describe(set)}. Change it with `dates {(set == DateOrder.DayFirst ? "month-first" : "day-first")}`, " +
              "or `dates ask` to be asked each time."
            : "When a date like 12/03 could be either, I ask which you mean. To have me read them one way: " +
              "`dates day-first` (12/03 is 12 March) or `dates month-first` (12/03 is 3 December).";
}
