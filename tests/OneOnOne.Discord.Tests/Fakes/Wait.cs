namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>Bounded polling: waits for a condition the bot reaches on its own, and says what it was waiting for if it never does.</summary>
public static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task UntilAsync(Func<bool> condition, string waitingFor)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {waitingFor}.");
            }

            await Task.Delay(10);
        }
    }
}
