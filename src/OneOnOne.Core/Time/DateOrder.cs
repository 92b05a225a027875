namespace OneOnOne.Core.Time;

/// <summary>How an organizer writes a numeric date such as 12/03: 12 March (day first) or 3 December (month first).</summary>
public enum DateOrder
{
    DayFirst,
    MonthFirst,
}
