using Microsoft.EntityFrameworkCore;
using OneOnOne.Testing;

namespace OneOnOne.Core.Tests.Engine;

/// <summary>
/// The same grammar serves every place a date is typed: <c>pause until</c> and a commitment's "by when" take a day
/// without a time, and a slash date read or asked about as <c>schedule</c> does. The harness starts on Thu 26 Nov 2026, 10:00.
/// </summary>
public sealed class DateEntryPointTests : IAsyncLifetime
{
    private readonly BotHarness _bot = new();
    private Conversation _ana = null!;

    public async Task InitializeAsync()
    {
        _ana = _bot.Organizer("Ana");
        await _ana.Command("list add Maria");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("dec 28", "Reminders paused until Mon 28 Dec, 08:00")]   // a day alone needs no time: back that morning
    [InlineData("25/12", "Reminders paused until Fri 25 Dec, 08:00")]
    [InlineData("12/12", "Reminders paused until Sat 12 Dec, 08:00")]
    public async Task Pause_until_takes_a_day_alone_and_a_slash_date_that_reads_one_way(string until, string said)
    {
        (await _ana.Command($"pause until {until}")).Expect(said);
    }

    [Fact]
    public async Task A_commitment_due_on_an_ambiguous_slash_date_asks_which_and_keeps_the_default_time()
    {
        await ByWhenAsync();

        (await _ana.Send("12/03")).Expect("Does “12/03” mean Thu 3 Dec or Fri 12 Mar").ExpectNot("next conversation");
        (await _ana.Press("Thu 3 Dec")).Expect("month first", "next conversation");
        await _ana.Send("skip");
        await _ana.Press("Contributor");

        var due = await _bot.QueryAsync(s => s.Meetings.Select(m => m.CommitmentDueAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 22, 0, 0, TimeSpan.Zero), due); // 17:00 in New York
    }

    [Fact]
    public async Task A_commitment_due_on_a_slash_date_that_reads_one_way_needs_no_question()
    {
        await ByWhenAsync();

        (await _ana.Send("25/12")).Expect("next conversation").ExpectNot("“25/12” mean");
        await _ana.Send("skip");
        await _ana.Press("Contributor");

        var due = await _bot.QueryAsync(s => s.Meetings.Select(m => m.CommitmentDueAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 25, 22, 0, 0, TimeSpan.Zero), due);
    }

    private async Task ByWhenAsync()
    {
        await _ana.Command("schedule Maria tomorrow 6pm");
        _bot.Time.Advance(TimeSpan.FromDays(2)); // Saturday 28 Nov
        await _ana.Command("met Maria");
        await _ana.Press("Yes");
        (await _ana.Send("join the committee")).Expect("By when?");
    }
}
