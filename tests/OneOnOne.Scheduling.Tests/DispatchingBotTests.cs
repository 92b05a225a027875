using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Core.Messaging;
using OneOnOne.Testing;

namespace OneOnOne.Scheduling.Tests;

/// <summary>
/// A bot whose due follow-ups go out when a test dispatches them (see <see cref="Dispatching"/>), on the
/// harness's fake clock, to a platform that records what it was sent.
/// </summary>
public abstract class DispatchingBotTests : IAsyncLifetime
{
    protected DispatchingBotTests() =>
        Bot = new BotHarness(services => services.AddOneOnOneDispatch().AddSingleton<IPlatformMessenger>(Platform));

    protected RecordingMessenger Platform { get; } = new();

    protected BotHarness Bot { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
