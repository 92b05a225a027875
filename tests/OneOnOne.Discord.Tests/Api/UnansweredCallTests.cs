using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Discord.Api;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Api;

/// <summary>
/// The REST client as the host registers it, against a Discord that never answers, on a fake clock: what
/// may be sent again when no answer comes, and how long the first answer to an interaction may take.
/// </summary>
public sealed class UnansweredCallTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SilentDiscord _discord = new();
    private readonly ServiceProvider _services;
    private readonly DiscordRestClient _client;

    public UnansweredCallTests()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(Options.Create(new DiscordOptions { BotToken = "token", ApplicationId = "1", RetryBaseDelay = TimeSpan.Zero }))
            .AddDiscordRest();
        services.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _discord);
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<DiscordRestClient>();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task The_first_answer_to_an_interaction_gets_two_and_a_half_seconds_and_is_not_sent_again()
    {
        var answer = _client.RespondToInteractionAsync("2", "interaction-token",
            new InteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource }, CancellationToken.None);
        await _discord.FirstAttempt.WaitAsync(TimeSpan.FromSeconds(15));
        _time.Advance(TimeSpan.FromSeconds(2.5));

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => answer.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.True(failure.Transient);
        Assert.Equal(1, _discord.Attempts);
    }

    [Fact]
    public async Task A_follow_up_whose_answer_was_lost_is_not_sent_again_since_it_could_show_twice()
    {
        var followUp = _client.CreateFollowupAsync("1", "interaction-token", new MessagePayload { Content = "Here you go" }, null, CancellationToken.None);
        await _discord.FirstAttempt.WaitAsync(TimeSpan.FromSeconds(15));
        _time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<DiscordApiException>(() => followUp.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(1, _discord.Attempts);
    }

    /// <summary>Takes every request and answers none: each attempt lasts until it is cancelled.</summary>
    private sealed class SilentDiscord : HttpMessageHandler
    {
        private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task FirstAttempt => _firstAttempt.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            _firstAttempt.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
