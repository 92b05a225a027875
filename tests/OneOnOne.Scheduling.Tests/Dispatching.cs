using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

/// <summary>Drives the follow-up dispatcher the way the Quartz job would, on the harness's fake clock.</summary>
internal static class Dispatching
{
    private static readonly TimeSpan Pass = TimeSpan.FromMinutes(5);

    public static Task<DispatchSummary> DispatchAsync(this BotHarness bot) =>
        bot.WithScopeAsync<FollowUpDispatcher, DispatchSummary>(d => d.DispatchDueAsync(CancellationToken.None));

    /// <summary>Moves the clock to a New York wall-clock time, one dispatch pass per five minutes on the way.</summary>
    public static async Task AdvanceToAsync(this BotHarness bot, int year, int month, int day, int hour, int minute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(BotHarness.Zone);
        var target = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), zone);
        while (bot.Time.GetUtcNow().UtcDateTime < target)
        {
            var remaining = target - bot.Time.GetUtcNow().UtcDateTime;
            bot.Time.Advance(remaining < Pass ? remaining : Pass);
            await bot.DispatchAsync();
        }
    }

    /// <summary>The headers and texts of a message the bot sent, as the organizer reads them.</summary>
    public static string Text(Outbound message) =>
        string.Join('\n', message.Blocks.OfType<TextBlock>().Select(t => t.Text).Concat(message.Blocks.OfType<HeaderBlock>().Select(h => h.Text)));

    public static string ButtonPayload(Outbound message, string label) =>
        message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).First(b => b.Label == label).Payload;
}
