using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneOnOne.Adapters.Inbox;

namespace OneOnOne.Adapters.Tests.Inbox;

/// <summary>The <c>Inbox</c> settings reach the inbox, and ones that would lose or repeat what people sent stop start-up by name.</summary>
public sealed class InboxSettingsTests
{
    [Fact]
    public void Settings_from_configuration_reach_the_inbox_and_the_rest_keep_their_defaults()
    {
        var options = Resolve(new() { ["Inbox:Owner"] = "bot-2", ["Inbox:Lease"] = "00:02:00", ["Inbox:MaxAttempts"] = "5" });

        Assert.Equal("bot-2", options.Owner);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Lease);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromDays(1), options.KeepFinishedFor);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollEvery);
    }

    [Fact]
    public void Settings_that_would_lose_or_repeat_deliveries_are_refused_each_by_name()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Inbox:MaxAttempts"] = "0",
            ["Inbox:Lease"] = "00:00:05",
            ["Inbox:KeepFinishedFor"] = "00:01:00",
            ["Inbox:Owner"] = " ",
            ["Inbox:PollEvery"] = "00:10:00",
        }));

        Assert.Contains(refused.Failures, f => f.StartsWith("Inbox:MaxAttempts is \"0\"", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.StartsWith("Inbox:Lease is \"00:00:05\"", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("Inbox:KeepFinishedFor", StringComparison.Ordinal) && f.Contains("handled twice", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.StartsWith("Inbox:Owner", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.StartsWith("Inbox:PollEvery is \"00:10:00\"", StringComparison.Ordinal) && f.Contains("Inbox:Lease", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lease_longer_than_a_day_is_refused()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Inbox:Lease"] = "2.00:00:00" }));

        Assert.Contains(refused.Failures, f => f.StartsWith("Inbox:Lease is \"2.00:00:00\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_shape_names_the_setting()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Inbox:Lease"] = "five minutes" }));

        Assert.Contains(refused.Failures, f => f.StartsWith("Inbox:Lease is \"five minutes\"", StringComparison.Ordinal));
    }

    private static InboxOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddAdapterKit<RecordingHandler>();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<InboxOptions>>().Value;
    }
}
